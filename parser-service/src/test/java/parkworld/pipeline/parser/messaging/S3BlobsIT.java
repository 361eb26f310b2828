package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.BlobStoreSettings;
import parkworld.pipeline.blob.StoredBlob;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.pdf.TestPdfs;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * The parser-service reading its PDFs from S3: a real S3-compatible server (S3Mock, a separate process) and a real
 * Kafka broker. The blob is stored the way the ingest-service stores it, its {@code IssueFetched} names it by its
 * {@code s3://} URI, and the articles come out; an {@code s3://} URI outside the configured bucket and prefix is
 * dead-lettered. Credentials come from the AWS default provider chain, as in production (here its system
 * properties, which S3Mock accepts whatever they say).
 */
@SpringBootTest(properties = "server.port=0")
class S3BlobsIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it.s3");

    /** This test class's own prefix in the test bucket. */
    static final String LOCATION = "s3://" + TestInfrastructure.S3_BUCKET + "/parser-it-" + UUID.randomUUID() + "/";

    private static final Map<String, String> CREDENTIALS = Map.of("aws.accessKeyId", "parkworld-test",
            "aws.secretAccessKey", "parkworld-test-secret");

    @TempDir
    static Path downloads;

    @BeforeAll
    static void credentialsInTheEnvironment() {
        CREDENTIALS.forEach(System::setProperty);
    }

    @AfterAll
    static void forgetCredentials() {
        CREDENTIALS.keySet().forEach(System::clearProperty);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TOPICS.register(registry);
        registry.add("parkworld.parser.blob-store.location", () -> LOCATION);
        registry.add("parkworld.parser.blob-store.s3.endpoint", () -> TestInfrastructure.s3().endpoint().toString());
        registry.add("parkworld.parser.blob-store.s3.path-style", () -> "true");
    }

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void parsesAnIssueStoredInS3IntoItsArticles() throws Exception {
        StoredBlob blob;
        try (BlobStore store = ingestsStore(LOCATION)) {
            blob = put(store, TestPdfs.issue121());
        }
        assertThat(blob.uri().getScheme()).isEqualTo("s3");
        List<String> copiesBefore = temporaryCopies();

        send("issue-121", blob.uri(), blob.sha256(), blob.sizeBytes());

        List<KafkaTopics.Received> articles = this.kafka.readUntil(TOPICS.articles(),
                records -> records.size() >= 43, Duration.ofSeconds(90));
        List<KafkaTopics.Received> parsed = this.kafka.readUntil(TOPICS.parsed(),
                records -> records.stream().anyMatch(r -> "issue-121".equals(r.key())), Duration.ofSeconds(30));
        assertThat(articles).hasSize(43);
        IssueParsed summary = EventJson.read(parsed.get(0).value(), IssueParsed.class);
        assertThat(summary.issue().serial()).isEqualTo(121);
        assertThat(summary.articleIds()).hasSize(43);
        assertThat(temporaryCopies()).as("the temporary copy of the blob is deleted once parsed")
            .isEqualTo(copiesBefore);
    }

    /** The temporary local copies of blobs (see BlobStore#file) in this JVM's temp directory. */
    private static List<String> temporaryCopies() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString())
                .filter(name -> name.startsWith("parkworld-blob-") && name.endsWith(".pdf"))
                .sorted()
                .toList();
        }
    }

    @Test
    void deadLettersAnS3BlobOutsideTheConfiguredPrefix() throws Exception {
        String otherPrefix = "s3://" + TestInfrastructure.S3_BUCKET + "/someone-else-" + UUID.randomUUID() + "/";
        StoredBlob foreign;
        try (BlobStore store = ingestsStore(otherPrefix)) {
            foreign = put(store, TestPdfs.issue121());
        }

        send("issue-forged", foreign.uri(), foreign.sha256(), foreign.sizeBytes());

        List<KafkaTopics.Received> dead = this.kafka.readUntil(TOPICS.deadLetter(),
                records -> records.stream().anyMatch(r -> "issue-forged".equals(r.key())), Duration.ofSeconds(60));
        assertThat(dead).filteredOn(r -> "issue-forged".equals(r.key())).singleElement()
            .satisfies(r -> assertThat(r.headers()).containsEntry(DeadLetterHeaders.REASON, "BLOB_OUTSIDE_STORE"));
    }

    /** The store the way the ingest-service opens it: same settings model, credentials from the environment. */
    private static BlobStore ingestsStore(String location) throws Exception {
        return new BlobStoreSettings(URI.create(location), TestInfrastructure.s3().endpoint(), "us-east-1", true).open();
    }

    private static StoredBlob put(BlobStore store, byte[] pdf) throws Exception {
        Path file = Files.write(Files.createTempFile(downloads, "download", ".part"), pdf);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        return store.put(file, sha, pdf.length);
    }

    private void send(String key, URI blob, String sha256, long size) {
        this.kafka.send(TOPICS.fetched(), key, EventJson.write(new IssueFetched(1, key, blob.toString(),
                "http://127.0.0.1/" + key + ".pdf", sha256, size, Instant.now())), Map.of());
    }
}
