package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.parser.pdf.TestPdfs;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * An {@link Error} thrown on the consumer thread never leaves the service up but deaf: an ordinary one (a parser
 * bug) is dead-lettered and the consumer goes on; one of the JVM's own (out of memory) makes the service not live.
 */
@SpringBootTest(properties = "server.port=0")
class ListenerErrorsIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it.errors");
    static final String FETCHED = TOPICS.fetched();
    static final String ARTICLES = TOPICS.articles();
    static final String PARSED = TOPICS.parsed();
    static final String DEAD_LETTER = TOPICS.deadLetter();

    @TempDir
    static Path blobs;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("parkworld.parser.blob-store.location", () -> blobs.toUri().toString());
        TOPICS.register(registry);
    }

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    @MockitoSpyBean
    IssueProcessor processor;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void deadLettersAnErrorOfTheParserAndGoesOnThenGoesNotLiveOnAnErrorOfTheJvm() throws Exception {
        doThrow(new AssertionError("a parser bug")).when(this.processor).process(argThat(r -> hasKey(r, "assertion")));
        doThrow(new OutOfMemoryError("Java heap space")).when(this.processor)
            .process(argThat(r -> hasKey(r, "out-of-memory")));
        Path fixture = Files.write(blobs.resolve("issue-121.pdf"), TestPdfs.issue121());

        send("assertion", fixture);
        send("issue-121-after-error", fixture);

        List<KafkaTopics.Received> dead = this.kafka.readUntil(DEAD_LETTER,
                records -> records.stream().anyMatch(r -> "assertion".equals(r.key())), Duration.ofSeconds(60))
            .stream().filter(r -> "assertion".equals(r.key())).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.headers()).containsEntry(DeadLetterHeaders.REASON, "PARSER_ERROR");
            assertThat(r.headers().get(DeadLetterHeaders.MESSAGE)).isEqualTo("parser failed: java.lang.AssertionError");
        });
        List<KafkaTopics.Received> articles = this.kafka.readUntil(ARTICLES,
                records -> ofKey(records, "issue-121-after-error") >= 43, Duration.ofSeconds(90));
        assertThat(ofKey(articles, "issue-121-after-error")).as("articles of the issue after the error").isEqualTo(43);
        assertThat(this.availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);

        send("out-of-memory", fixture);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> this.availability.getLivenessState() == LivenessState.BROKEN);
    }

    private static long ofKey(List<KafkaTopics.Received> records, String issueKey) {
        return records.stream().map(r -> EventJson.read(r.value(), ArticleExtracted.class))
            .filter(a -> a.issue().sourceUrl().endsWith("/" + issueKey + ".pdf")).count();
    }

    private static boolean hasKey(ConsumedRecord record, String key) {
        return record != null && record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8));
    }

    private void send(String key, Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        byte[] event = EventJson.write(new IssueFetched(1, key, pdf.toUri().toString(), "http://127.0.0.1/" + key + ".pdf",
                sha, bytes.length, Instant.now()));
        this.kafka.send(FETCHED, key, event, Map.of());
    }
}
