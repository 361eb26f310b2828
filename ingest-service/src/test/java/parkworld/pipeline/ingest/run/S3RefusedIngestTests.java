package parkworld.pipeline.ingest.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.BlobStoreSettings;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.FolderDiscovery;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.state.CandidateState;
import parkworld.pipeline.ingest.state.CandidateStatus;
import parkworld.pipeline.ingest.state.InMemoryLedger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Ingest with an S3 blob store that refuses its credentials on upload (a key rotated under a running service): the
 * candidate is recorded as failed with the store's reason, nothing is announced, and the secret is nowhere in what
 * ingest records.
 */
class S3RefusedIngestTests {

    static final String SECRET = "ingest-test-secret-never-printed";

    final WireMockServer s3 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final InMemoryLedger ledger = new InMemoryLedger();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path source;

    @AfterEach
    void stop() {
        this.s3.stop();
    }

    @Test
    void aRefusedUploadFailsTheCandidateWithTheReasonAndAnnouncesNothing() throws Exception {
        this.s3.start();
        this.s3.stubFor(head(urlPathEqualTo("/parkworld-blobs")).willReturn(aResponse().withStatus(200)));
        this.s3.stubFor(head(urlPathMatching("/parkworld-blobs/issues/.*")).willReturn(aResponse().withStatus(404)));
        this.s3.stubFor(put(urlPathMatching("/parkworld-blobs/issues/.*")).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "application/xml")
            .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code>"
                    + "<Message>The request signature we calculated does not match the signature you provided."
                    + "</Message><AWSAccessKeyId>AKIAINGESTTEST</AWSAccessKeyId></Error>")));
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        BlobStore store = new BlobStoreSettings(URI.create("s3://parkworld-blobs/issues/"),
                URI.create(this.s3.baseUrl()), "us-east-1", true)
            .open(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAINGESTTEST", SECRET)));
        IssueIngestor ingestor = new IssueIngestor(new FolderDiscovery(this.source),
                new DocumentReader(new TestCrawler().build(), 1000, TestCrawler.DOWNLOADS), store, this.ledger, 5,
                "test", new RunProgress(Clock.systemUTC(), Duration.ofMinutes(1), this.meters), Clock.systemUTC(),
                this.meters);

        IngestReport report;
        try (store) {
            report = ingestor.run();
        }

        assertThat(report.published()).isEmpty();
        assertThat(this.ledger.announced()).isEmpty();
        assertThat(report.failures()).singleElement().asString()
            .startsWith("issue-121: BLOB_STORE_UNAVAILABLE S3 refused access (403 SignatureDoesNotMatch)")
            .contains("check the credentials")
            .doesNotContain(SECRET);
        CandidateState recorded = this.ledger.candidate(this.source.resolve("issue-121.pdf").toUri().toASCIIString());
        assertThat(recorded.status()).isEqualTo(CandidateStatus.FAILED);
        assertThat(recorded.lastError()).startsWith("BLOB_STORE_UNAVAILABLE S3 refused access").doesNotContain(SECRET);
        assertThat(recorded.sha256()).as("nothing announced, nothing recorded as stored").isNull();
        assertThat(this.ledger.runs().get(0).reasons()).singleElement().asString().contains("SignatureDoesNotMatch");
        assertThat(this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, "failed",
                PipelineMeters.TAG_REASON, "BLOB_STORE_UNAVAILABLE").count()).isEqualTo(1);
        // A 403 is not retried by the SDK: one upload tried, refused.
        this.s3.verify(1, putRequestedFor(urlPathMatching("/parkworld-blobs/issues/.*")));
    }
}
