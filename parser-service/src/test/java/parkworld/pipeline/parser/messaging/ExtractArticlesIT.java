package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/** The parser-service against a real Kafka broker: fixture issue in, 43 article events and a summary out. */
@SpringBootTest(properties = "server.port=0")
class ExtractArticlesIT {

    static final String FETCHED = KafkaTopics.unique("it.issues.fetched");
    static final String ARTICLES = KafkaTopics.unique("it.articles");
    static final String PARSED = KafkaTopics.unique("it.issues.parsed");
    static final String DEAD_LETTER = KafkaTopics.unique("it.parser.dlq");

    @TempDir
    static Path blobs;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("parkworld.topics.issues-fetched", () -> FETCHED);
        registry.add("parkworld.topics.articles", () -> ARTICLES);
        registry.add("parkworld.topics.issues-parsed", () -> PARSED);
        registry.add("parkworld.topics.parser-dead-letter", () -> DEAD_LETTER);
    }

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void publishesEveryArticleOfTheFixtureIssueThenItsSummary() throws Exception {
        Path pdf = blobs.resolve("issue-121.pdf");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.copy(in, pdf);
        }
        send(fetched("issue-121", pdf));

        List<KafkaTopics.Received> articles = this.kafka.read(ARTICLES, 43, Duration.ofSeconds(90));
        List<KafkaTopics.Received> parsed = this.kafka.read(PARSED, 1, Duration.ofSeconds(30));

        assertThat(articles).as("article events").hasSize(43);
        assertThat(articles).allSatisfy(record -> {
            assertThat(EventType.ARTICLE_EXTRACTED.violations(record.value())).as("schema violations of " + record.key())
                .isEmpty();
            ArticleExtracted article = EventJson.read(record.value(), ArticleExtracted.class);
            assertThat(record.key()).isEqualTo(article.articleId());
            assertThat(record.headers()).containsEntry(CloudEventHeaders.TYPE, "net.parkworld.article.extracted.v1")
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SECTION, article.section())
                .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME);
        });
        assertThat(parsed).hasSize(1);
        assertThat(EventType.ISSUE_PARSED.violations(parsed.get(0).value())).isEmpty();
        IssueParsed summary = EventJson.read(parsed.get(0).value(), IssueParsed.class);
        assertThat(summary.issue().serial()).isEqualTo(121);
        assertThat(summary.articleIds()).hasSize(43).doesNotHaveDuplicates();
        assertThat(summary.articlesPerSection()).containsOnlyKeys("招商引资", "综合资讯", "政策法规");
    }

    @Test
    void sendsBadInputToTheDeadLetterTopicAndKeepsConsuming() throws Exception {
        send("issue-broken", "{\"schemaVersion\": 1, \"issueKey\": ".getBytes(StandardCharsets.UTF_8));
        Path html = Files.writeString(blobs.resolve("issue-html.pdf"), "<html><body>Not found</body></html>");
        send(fetched("issue-html", html));

        List<KafkaTopics.Received> dead = this.kafka.read(DEAD_LETTER, 2, Duration.ofSeconds(60));

        assertThat(dead).extracting(r -> r.headers().get(DeadLetterHeaders.REASON))
            .containsExactlyInAnyOrder("MALFORMED_EVENT", "NOT_PDF");
        assertThat(dead).filteredOn(r -> "MALFORMED_EVENT".equals(r.headers().get(DeadLetterHeaders.REASON)))
            .singleElement()
            .satisfies(r -> {
                assertThat(r.valueText()).as("original payload kept").isEqualTo("{\"schemaVersion\": 1, \"issueKey\": ");
                assertThat(r.headers()).containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, FETCHED)
                    .containsEntry(DeadLetterHeaders.SERVICE, "parser-service");
            });
    }

    private byte[] fetched(String key, Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        return EventJson.write(new IssueFetched(1, key, pdf.toUri().toString(), "http://127.0.0.1/" + key + ".pdf", sha,
                bytes.length, Instant.now()));
    }

    private void send(String key, byte[] payload) {
        this.kafka.send(FETCHED, key, payload, Map.of());
    }

    private void send(byte[] payload) {
        send(EventJson.read(payload, IssueFetched.class).issueKey(), payload);
    }
}
