package parkworld.pipeline.ingest.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;
import parkworld.pipeline.ingest.schedule.IngestScheduler;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/** The operator endpoints of a running ingest-service: authenticated, host-bound, and what they start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "parkworld.ingest.schedule.run-on-startup=false", "parkworld.ingest.schedule.cron=-",
                "parkworld.ingest.crawler.min-delay-per-host=0s", "parkworld.ingest.crawler.allow-loopback=true",
                "parkworld.ingest.operator.username=ops",
                // In target/, not java.io.tmpdir: Tomcat's work directory and the downloads are not deleted at exit.
                "server.tomcat.basedir=target/it-tomcat", "parkworld.ingest.crawler.download-directory=target/it-downloads" })
class OperatorEndpointsIT {

    /** Made up per test run: the repository holds no credentials. */
    static final String PASSWORD = KafkaTopics.unique("pw");
    static final String FETCHED = KafkaTopics.unique("it.issues.fetched");
    static final FixtureWebsite SITE = website();
    static final Path BLOBS = temp("ingest-op-blobs");
    static final Path BACKFILL = temp("ingest-op-backfill");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("parkworld.topics.issues-fetched", () -> FETCHED);
        registry.add("parkworld.topics.ingest-state", () -> KafkaTopics.unique("it.ingest.state"));
        registry.add("parkworld.ingest.state.transactional-id", () -> KafkaTopics.unique("it-ingest"));
        registry.add("parkworld.ingest.source.location", () -> SITE.uri("/weekly/").toString());
        registry.add("parkworld.ingest.blob-store.location", () -> BLOBS.toUri().toString());
        registry.add("parkworld.ingest.operator.backfill-folder", BACKFILL::toString);
        registry.add("parkworld.ingest.operator.password", () -> PASSWORD);
    }

    @AfterAll
    static void stopSite() throws java.io.IOException {
        SITE.close();
        for (Path directory : new Path[] { BLOBS, BACKFILL }) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestScheduler scheduler;

    final HttpClient http = HttpClient.newHttpClient();
    final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    HttpResponse<String> call(String method, String path, String body, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (password != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("ops:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesUnauthenticatedAndWrongCredentialsButLeavesHealthOpen() throws Exception {
        // The topic is shared by the tests of this class, whatever their order.
        long announcedBefore = this.kafka.countCommitted(FETCHED);

        assertThat(call("POST", "/operator/runs", null, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/operator/runs", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/ingest", null, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/operator/replays", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
        assertThat(this.scheduler.isRunning()).as("nothing started").isFalse();
        assertThat(this.kafka.countCommitted(FETCHED)).as("nothing announced").isEqualTo(announcedBefore);
    }

    @Test
    void refusesARunWhileAnotherHoldsTheSlotAndSaysWhichNothingQueued() throws Exception {
        IngestScheduler.Slot held = this.scheduler.claim("held by the operator test").orElseThrow();
        HttpResponse<String> refused;
        HttpResponse<String> status;
        try {
            refused = call("POST", "/operator/runs", null, PASSWORD);
            status = call("GET", "/actuator/ingest", null, PASSWORD);
        }
        finally {
            this.scheduler.release(held);
        }

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not started: run (held by the operator test) under way since",
                "nothing is queued");
        assertThat(status.body()).contains("\"runSlot\":\"run (held by the operator test) under way since");
        assertThat(this.scheduler.isRunning()).as("the refused run never started").isFalse();
    }

        @Test
    void refusesABackfillOfAUrlOffTheConfiguredHosts() throws Exception {
        HttpResponse<String> response = call("POST", "/operator/backfills",
                "{\"urls\":[\"" + SITE.uri("/weekly/issue-121.pdf") + "\",\"http://169.254.169.254/latest/meta-data\"]}",
                PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("169.254.169.254").contains("nothing started");
    }

    @Test
    void runsABackfillOfTheConfiguredFolderThenReplaysItEachInItsOwnTraceAndShowsBothInTheStatus() throws Exception {
        try (InputStream pdf = OperatorEndpointsIT.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.write(BACKFILL.resolve("issue-121.pdf"), pdf.readAllBytes());
        }

        assertThat(call("POST", "/operator/backfills", "{\"folder\":true}", PASSWORD).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> this.kafka.countCommitted(FETCHED) == 1);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> call("GET", "/actuator/ingest", null, PASSWORD).body().contains("backfill folder"));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> call("POST", "/operator/replays?fromSerial=121&toSerial=121", null, PASSWORD)
                .statusCode() == 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> this.kafka.countCommitted(FETCHED) == 2);
        List<String> traceparents = this.kafka.read(FETCHED, 2, Duration.ofSeconds(30)).stream()
            .map(record -> record.headers().get("traceparent")).toList();
        assertThat(traceparents).as("each run is the root of a trace the parser joins")
            .allSatisfy(traceparent -> assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertThat(traceparents.stream().map(traceparent -> traceparent.substring(3, 35)))
            .as("the backfill and the replay are two traces").doesNotHaveDuplicates();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> status = call("GET", "/actuator/ingest", null, PASSWORD);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"trigger\":\"replay 121..121\"", "\"trigger\":\"backfill folder\"",
                    "\"ANNOUNCED\":1");
        });
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static FixtureWebsite website() {
        try {
            return new FixtureWebsite().serve("/weekly/",
                    "<html><body>园区周报</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
