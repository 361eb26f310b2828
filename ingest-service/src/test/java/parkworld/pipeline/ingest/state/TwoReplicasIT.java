package parkworld.pipeline.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * Two ingest-service processes (separate JVMs, the packaged jar) against one Kafka broker and one website: a run of
 * the second fences the first's run mid-run, the second is killed ({@code kill -9}) mid-run, the first is asked to
 * run again. Every issue ends up announced exactly once on a read_committed consumer.
 */
class TwoReplicasIT {

    static final int ISSUES = 24;
    static final String PASSWORD = KafkaTopics.unique("pw");

    final String fetched = KafkaTopics.unique("it.issues.fetched");
    final String state = KafkaTopics.unique("it.ingest.state");
    final String transactionalId = KafkaTopics.unique("it-ingest");
    final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
    final List<Process> processes = new ArrayList<>();
    FixtureWebsite site;
    Path work;

    @AfterEach
    void stop() throws IOException {
        this.processes.forEach(Process::destroyForcibly);
        if (this.site != null) {
            this.site.close();
        }
    }

    @Test
    void announcesEveryIssueExactlyOnceWhenASecondReplicaTakesOverAndIsKilledMidRun() throws Exception {
        // Under target/ so the replicas' logs are there to read when this test fails.
        this.work = Files.createDirectories(Path.of("target", "two-replicas", KafkaTopics.unique("run")));
        this.site = new FixtureWebsite();
        StringBuilder listing = new StringBuilder("<html><body><h1>园区周报</h1>");
        for (int serial = 1; serial <= ISSUES; serial++) {
            this.site.serve("/weekly/issue-" + serial + ".pdf", ("%PDF-1.4 issue " + serial).getBytes(StandardCharsets.UTF_8));
            listing.append("<a href=\"issue-").append(serial).append(".pdf\">园区周报（总").append(serial).append("期）</a>\n");
        }
        this.site.serve("/weekly/", listing.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8));

        int portA = freePort();
        int portB = freePort();
        Process replicaA = start("a", portA);
        Process replicaB = start("b", portB);
        awaitReady(portA);
        awaitReady(portB);

        assertThat(trigger(portA)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> this.kafka.countCommitted(this.fetched) >= 3);
        assertThat(trigger(portB)).as("b starts while a is mid-run").isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> log("a").contains("FENCED"));
        long beforeKill = awaitMore(this.kafka.countCommitted(this.fetched) + 2);
        replicaB.destroyForcibly().waitFor();
        assertThat(beforeKill).as("b killed mid-run").isLessThan(ISSUES);

        assertThat(trigger(portA)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(180))
            .until(() -> log("a").split("Ingest run \\(operator\\) done", -1).length - 1 == 2);

        Map<String, Long> perIssue = readCommittedKeys().stream()
            .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        assertThat(perIssue).hasSize(ISSUES).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        assertThat(replicaA.isAlive()).isTrue();
    }

    private int trigger(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/operator/runs"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
            .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/info"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private long awaitMore(long atLeast) {
        await().atMost(Duration.ofSeconds(120)).until(() -> this.kafka.countCommitted(this.fetched) >= atLeast);
        return this.kafka.countCommitted(this.fetched);
    }

    /** The issue keys of every record a read_committed consumer reads, from the beginning to the end. */
    private List<String> readCommittedKeys() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(this.fetched, Duration.ofSeconds(10))
                .stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            }
        }
        return keys;
    }

    private String log(String name) throws IOException {
        Path file = this.work.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private Process start(String name, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("target", "ingest-service.jar").toAbsolutePath();
        // Its temporary files (Tomcat's work directories, the downloads) in the run's directory, not in /tmp: a
        // process killed with SIGKILL deletes nothing, and Tomcat's are not deleted at exit anyway.
        Path tmp = Files.createDirectories(this.work.resolve("tmp-" + name));
        List<String> command = List.of(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--parkworld.topics.issues-fetched=" + this.fetched, "--parkworld.topics.ingest-state=" + this.state,
                "--parkworld.ingest.state.transactional-id=" + this.transactionalId,
                "--parkworld.ingest.source.location=" + this.site.uri("/weekly/"),
                "--parkworld.ingest.blob-store.location=" + this.work.resolve("blobs").toUri(),
                "--parkworld.ingest.crawler.min-delay-per-host=1500ms", "--parkworld.ingest.crawler.allow-loopback=true",
                "--parkworld.ingest.schedule.cron=-",
                "--parkworld.ingest.schedule.run-on-startup=false");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(this.work.resolve(name + ".log").toFile());
        builder.environment().put("PARKWORLD_INGEST_OPERATOR_PASSWORD", PASSWORD);
        Process process = builder.start();
        this.processes.add(process);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
