package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.parser.ParserApplication;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * A parser process killed with {@code kill -9} in the middle of publishing an issue, then restarted with the same
 * instance id: the restarted instance's transactional.id fences the dead one and aborts its open transaction, it
 * re-processes the uncommitted IssueFetched, and a read_committed consumer sees every article exactly once.
 */
class KilledMidIssueIT {

    private static final int PAUSE_AFTER = 20;

    @TempDir
    Path dir;

    private final String fetchedTopic = KafkaTopics.unique("it.kill.issues.fetched");
    private final String articlesTopic = KafkaTopics.unique("it.kill.articles");
    private final String parsedTopic = KafkaTopics.unique("it.kill.issues.parsed");
    private final String deadLetterTopic = KafkaTopics.unique("it.kill.parser.dlq");
    private final String instanceId = KafkaTopics.unique("kill-it");
    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void aProcessKilledMidIssueLeavesNoTraceForReadCommittedConsumersAndTheRestartPublishesItOnce() throws Exception {
        Path pdf = this.dir.resolve("issue-121.pdf");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.copy(in, pdf);
        }
        byte[] bytes = Files.readAllBytes(pdf);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        this.kafka.send(this.fetchedTopic, "issue-121", EventJson.write(new IssueFetched(1, "issue-121",
                pdf.toUri().toString(), "http://127.0.0.1/issue-121.pdf", sha, bytes.length, Instant.now())), Map.of());
        Path marker = this.dir.resolve("paused");

        Process doomed = startPausingParser(marker);
        try {
            waitFor(marker, doomed, Duration.ofSeconds(180));
        }
        finally {
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        }
        assertThat(this.kafka.size(this.articlesTopic)).as("records the killed process sent")
            .isGreaterThanOrEqualTo(PAUSE_AFTER);

        try (ConfigurableApplicationContext restarted = SpringApplication.run(ParserApplication.class,
                arguments().toArray(String[]::new))) {
            TransactionalPublishingIT.ExactlyOnce.assertPublishedExactlyOnce(new TopicReader(
                    TestInfrastructure.kafkaBootstrapServers()), this.articlesTopic, this.parsedTopic, 43, PAUSE_AFTER);
        }
    }

    private Process startPausingParser(Path marker) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"), ParserPausingMidIssue.class.getName()));
        command.addAll(arguments());
        command.add("--test.pause-after=" + PAUSE_AFTER);
        command.add("--test.marker=" + marker);
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(this.dir.resolve("killed-parser.log").toFile())
            .start();
    }

    /** The same instance id for both processes: that is what lets the restarted one fence the killed one. */
    private List<String> arguments() {
        return List.of("--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--parkworld.topics.issues-fetched=" + this.fetchedTopic,
                "--parkworld.topics.articles=" + this.articlesTopic,
                "--parkworld.topics.issues-parsed=" + this.parsedTopic,
                "--parkworld.topics.parser-dead-letter=" + this.deadLetterTopic,
                "--parkworld.parser.instance-id=" + this.instanceId, "--server.port=0",
                "--parkworld.parser.blob-store.location=" + this.dir.toUri(),
                // the dead consumer leaves the group after this, not after the default 45 s: a quick restart
                "--spring.cloud.stream.kafka.bindings.extractArticles-in-0.consumer.configuration.session.timeout.ms=6000",
                "--spring.cloud.stream.kafka.bindings.extractArticles-in-0.consumer.configuration.heartbeat.interval.ms=1000");
    }

    private void waitFor(Path marker, Process process, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(marker)) {
            if (!process.isAlive()) {
                throw new AssertionError("the pausing parser exited with " + process.exitValue() + ": "
                        + Files.readString(this.dir.resolve("killed-parser.log")));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the pausing parser did not reach the middle of the issue in " + timeout
                        + ": " + Files.readString(this.dir.resolve("killed-parser.log")));
            }
            Thread.sleep(200);
        }
    }
}
