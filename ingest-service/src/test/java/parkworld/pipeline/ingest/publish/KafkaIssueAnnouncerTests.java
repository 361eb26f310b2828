package parkworld.pipeline.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.FolderDiscovery;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.run.DocumentReader;
import parkworld.pipeline.ingest.run.IngestReport;
import parkworld.pipeline.ingest.run.InvalidEventException;
import parkworld.pipeline.ingest.run.IssueIngestor;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.ingest.store.LocalDirectoryPublishedMarks;

class KafkaIssueAnnouncerTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2023-05-30T07:00:00Z"), ZoneOffset.UTC);

    /** A file name IssueKeys accepts whole, but longer than the 200 characters the schema allows an issue key. */
    static final String OVERLONG_NAME = "issue-121-" + "a".repeat(240);

    @TempDir
    Path source;

    @TempDir
    Path blobs;


    @TempDir

    Path marks;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final List<Message<?>> sent = new ArrayList<>();

    KafkaIssueAnnouncer announcer() {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(eq(KafkaIssueAnnouncer.BINDING), any())).thenAnswer(invocation -> {
            this.sent.add(invocation.getArgument(1));
            return true;
        });
        return new KafkaIssueAnnouncer(bridge, this.meters);
    }

    IssueIngestor ingestor() throws Exception {
        PoliteHttpClient http = new TestCrawler().build();
        return new IssueIngestor(new FolderDiscovery(this.source), new DocumentReader(http, 1000, TestCrawler.DOWNLOADS),
                new LocalDirectoryBlobStore(this.blobs), new LocalDirectoryPublishedMarks(this.marks), announcer(),
                CLOCK, this.meters);
    }

    static IssueFetched event(String issueKey) {
        return new IssueFetched(IssueFetched.SCHEMA_VERSION, issueKey, "file:///var/lib/parkworld/blobs/a.pdf",
                "https://www.parkworld.net/uploads/" + issueKey + ".pdf", "9f".repeat(32), 8, CLOCK.instant());
    }

    @Test
    void sendsAValidEventWithItsKeyAndCloudEventsHeaders() throws Exception {
        announcer().announce(event("issue-121"));

        assertThat(this.sent).singleElement().satisfies(message -> {
            assertThat(EventType.ISSUE_FETCHED.violations((byte[]) message.getPayload())).isEmpty();
            assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("issue-121".getBytes(StandardCharsets.UTF_8));
            assertThat(message.getHeaders().get(CloudEventHeaders.TYPE)).isEqualTo(EventType.ISSUE_FETCHED.cloudEventType());
        });
        assertThat(this.meters.counter(PipelineMeters.INVALID_EVENTS, PipelineMeters.TAG_EVENT_TYPE, "ISSUE_FETCHED")
            .count()).isZero();
    }

    @Test
    void neverSendsAnEventItsSchemaRefusesAndCountsIt() {
        KafkaIssueAnnouncer announcer = announcer();

        assertThatThrownBy(() -> announcer.announce(event(OVERLONG_NAME)))
            .isInstanceOf(InvalidEventException.class)
            .hasMessageContaining("IssueFetched of issue-121-")
            .hasMessageContaining("issueKey");
        assertThat(this.sent).isEmpty();
        assertThat(this.meters.counter(PipelineMeters.INVALID_EVENTS, PipelineMeters.TAG_EVENT_TYPE, "ISSUE_FETCHED")
            .count()).isEqualTo(1);
    }

    @Test
    void aRunRecordsAnIssueWhoseEventBreaksTheSchemaAsFailedAndPublishesTheOthers() throws Exception {
        Files.write(this.source.resolve(OVERLONG_NAME + ".pdf"), "%PDF-overlong".getBytes(StandardCharsets.UTF_8));
        Files.write(this.source.resolve("issue-122.pdf"), "%PDF-122".getBytes(StandardCharsets.UTF_8));

        IngestReport report = ingestor().run();

        assertThat(report.published()).containsExactly("issue-122");
        assertThat(report.failures()).singleElement().asString().startsWith(OVERLONG_NAME + ": INVALID_OUTPUT");
        assertThat(this.sent).hasSize(1);
        assertThat(this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, "failed",
                PipelineMeters.TAG_REASON, "INVALID_OUTPUT").count()).isEqualTo(1);
        assertThat(this.meters.counter(PipelineMeters.INVALID_EVENTS, PipelineMeters.TAG_EVENT_TYPE, "ISSUE_FETCHED")
            .count()).isEqualTo(1);

        IngestReport again = ingestor().run();
        assertThat(again.failures()).as("not marked announced: tried again, and refused again, on the next run")
            .singleElement().asString().contains("INVALID_OUTPUT");
    }
}
