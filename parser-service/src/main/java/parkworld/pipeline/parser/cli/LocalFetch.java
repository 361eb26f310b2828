package parkworld.pipeline.parser.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueKeys;
import parkworld.pipeline.contract.Sha256;

/**
 * The {@link IssueFetched} ingest would have announced for a local file, so the command builds exactly the events
 * the service would: the file itself is both the source and the stored blob.
 */
final class LocalFetch {

    private LocalFetch() {
    }

    static IssueFetched of(Path pdf, Instant fetchedAt) throws IOException {
        String uri = pdf.toAbsolutePath().normalize().toUri().toString();
        MessageDigest sha256 = Sha256.digest();
        long size;
        // streamed: an issue can be large, and only its hash is needed
        try (InputStream in = new DigestInputStream(Files.newInputStream(pdf), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        return new IssueFetched(IssueFetched.SCHEMA_VERSION, issueKey(pdf, hash), uri, uri, hash, size, fetchedAt);
    }

    /**
     * The key ingest derives from a file name: lowercase, without {@code .pdf}, runs of other characters made
     * {@code -}. A name with nothing usable (e.g. only CJK characters) falls back to a key from the content hash.
     */
    static String issueKey(Path pdf, String sha256) {
        return IssueKeys.fromFileName(pdf.getFileName().toString()).orElseGet(() -> IssueKeys.fromHash(sha256));
    }
}
