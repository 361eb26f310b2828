package parkworld.pipeline.parser.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.testsupport.KafkaTopics;

/** What ingest does for the fixture issue, in the publishing ITs: its PDF into the blob store, then its IssueFetched. */
final class FixtureAnnouncement {

    private FixtureAnnouncement() {
    }

    /** Copies {@code /fixtures/issue-121.pdf} into the blob directory and announces it on the fetched topic. */
    static void announceIssue121(KafkaTopics kafka, Path blobs, String fetchedTopic)
            throws IOException, NoSuchAlgorithmException {
        Path pdf = blobs.resolve("issue-121.pdf");
        try (InputStream in = FixtureAnnouncement.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.copy(in, pdf);
        }
        byte[] bytes = Files.readAllBytes(pdf);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        kafka.send(fetchedTopic, "issue-121", EventJson.write(new IssueFetched(1, "issue-121", pdf.toUri().toString(),
                "http://127.0.0.1/issue-121.pdf", sha, bytes.length, Instant.now())), Map.of());
    }
}
