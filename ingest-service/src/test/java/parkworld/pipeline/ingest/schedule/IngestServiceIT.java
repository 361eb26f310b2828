package parkworld.pipeline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/** The ingest-service against a real Kafka broker and a local website serving the fixture issue. */
@SpringBootTest(properties = { "server.port=0", "parkworld.ingest.schedule.run-on-startup=false",
        "parkworld.ingest.crawler.min-delay-per-host=0s", "parkworld.ingest.crawler.allow-loopback=true",
        // In target/, not java.io.tmpdir: Tomcat's work directory and the downloads are not deleted at exit.
        "server.tomcat.basedir=target/it-tomcat", "parkworld.ingest.crawler.download-directory=target/it-downloads" })
class IngestServiceIT {

    static final String FETCHED = KafkaTopics.unique("it.issues.fetched");
    static final String STATE = KafkaTopics.unique("it.ingest.state");
    static final FixtureWebsite SITE = website();

    static final Path BLOBS = tempDirectory();

    static final String ETAG = "\"issue-121-v1\"";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("parkworld.topics.issues-fetched", () -> FETCHED);
        registry.add("parkworld.topics.ingest-state", () -> STATE);
        registry.add("parkworld.ingest.state.transactional-id", () -> KafkaTopics.unique("it-ingest"));
        registry.add("parkworld.ingest.source.location", () -> SITE.uri("/weekly/").toString());
        registry.add("parkworld.ingest.blob-store.location", () -> BLOBS.toUri().toString());
    }

    @AfterAll
    static void stopSite() throws java.io.IOException {
        SITE.close();
        try (var files = java.nio.file.Files.walk(BLOBS)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Autowired
    IngestScheduler scheduler;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void announcesTheListedIssueOnceInTheRunsTraceAndAsksForItConditionallyNextTime() {
        // As the scheduled triggers do: the run is an observation, the root span of the run's trace.
        AtomicReference<String> runTraceId = new AtomicReference<>();
        Boolean ran = Observation.createNotStarted("test run", this.observations).observe(() -> {
            runTraceId.set(this.tracer.currentSpan().context().traceId());
            return this.scheduler.trigger("test");
        });
        assertThat(ran).isTrue();

        List<KafkaTopics.Received> records = this.kafka.read(FETCHED, 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        KafkaTopics.Received record = records.get(0);
        assertThat(EventType.ISSUE_FETCHED.violations(record.value())).isEmpty();
        IssueFetched event = EventJson.read(record.value(), IssueFetched.class);
        assertThat(record.key()).isEqualTo("issue-121").isEqualTo(event.issueKey());
        assertThat(record.headers()).containsEntry(CloudEventHeaders.TYPE, "net.parkworld.issue.fetched.v1")
            .containsEntry(CloudEventHeaders.SUBJECT, "issue-121")
            .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
        assertThat(record.headers().get("traceparent")).as("the run's trace carried on to the parser")
            .startsWith("00-" + runTraceId.get() + "-");
        assertThat(Path.of(java.net.URI.create(event.blobUri()))).exists().hasSize(event.sizeBytes());
        assertThat(event.sourceUrl()).isEqualTo(SITE.uri("/weekly/issue-121.pdf").toString());

        assertThat(this.scheduler.trigger("second run")).isTrue();

        assertThat(this.scheduler.lastReport().unchanged()).isEqualTo(1);
        List<Integer> issueStatuses = new ArrayList<>();
        List<Map<String, String>> issueRequests = new ArrayList<>();
        for (int i = 0; i < SITE.requests().size(); i++) {
            if (SITE.requests().get(i).equals("/weekly/issue-121.pdf")) {
                issueStatuses.add(SITE.statuses().get(i));
                issueRequests.add(SITE.requestHeaders().get(i));
            }
        }
        assertThat(issueStatuses).as("downloaded once, then a 304").containsExactly(200, 304);
        assertThat(issueRequests.get(1)).containsEntry("If-None-Match", ETAG);
        assertThat(this.kafka.countCommitted(FETCHED)).as("records after an unchanged second run").isEqualTo(1);
        assertThat(SITE.requests()).filteredOn(p -> p.equals("/weekly/evil.pdf")).isEmpty();
    }

    private static Path tempDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("ingest-it-blobs");
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static FixtureWebsite website() {
        try (InputStream pdf = IngestServiceIT.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            String listing = """
                    <html><body><h1>园区周报</h1>
                    <a href="issue-121.pdf">2023年5月4期（总121期）</a>
                    <a href="http://elsewhere.example.com/weekly/evil.pdf">镜像</a>
                    </body></html>""";
            return new FixtureWebsite().serve("/weekly/", listing.getBytes(StandardCharsets.UTF_8))
                .serveDocument("/weekly/issue-121.pdf", pdf.readAllBytes(), ETAG, "Thu, 04 May 2023 08:00:00 GMT");
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
