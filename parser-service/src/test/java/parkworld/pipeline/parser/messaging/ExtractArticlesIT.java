package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
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
import parkworld.pipeline.parser.pdf.TestPdfs;
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

    @Autowired
    MeterRegistry meters;

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
    void sendsEveryKindOfBadInputToTheDeadLetterTopicWithItsReasonAndKeepsConsuming() throws Exception {
        byte[] fixture = TestPdfs.issue121();
        Map<String, byte[]> badInputs = new LinkedHashMap<>();
        badInputs.put("EMPTY", new byte[0]);
        badInputs.put("NOT_PDF", "<html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
        badInputs.put("DAMAGED", Arrays.copyOf(fixture, fixture.length / 2));
        badInputs.put("ENCRYPTED", TestPdfs.encrypted(TestPdfs.withText(new String[] { "Secret" }), "pw", true));
        badInputs.put("NO_TEXT", TestPdfs.blank(3));
        badInputs.put("NOT_AN_ISSUE", TestPdfs.withText(new String[] { "Quarterly report", "Revenue grew." }));
        badInputs.put("TOO_LARGE", TestPdfs.blank(500));
        send("issue-malformed", "{\"schemaVersion\": 1, \"issueKey\": ".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> bad : badInputs.entrySet()) {
            Path pdf = Files.write(blobs.resolve("bad-" + bad.getKey() + ".pdf"), bad.getValue());
            send(fetched("bad-" + bad.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), pdf));
        }
        Path good = blobs.resolve("issue-121-after-bad.pdf");
        Files.write(good, fixture);
        send(fetched("issue-121-after-bad", good));

        List<KafkaTopics.Received> dead = this.kafka.read(DEAD_LETTER, badInputs.size() + 1, Duration.ofSeconds(90));

        assertThat(dead).extracting(r -> r.headers().get(DeadLetterHeaders.REASON))
            .as("dead-letter reasons")
            .containsExactlyInAnyOrderElementsOf(concat(badInputs.keySet(), "MALFORMED_EVENT"));
        assertThat(dead).allSatisfy(r -> assertThat(r.headers())
            .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, FETCHED)
            .containsEntry(DeadLetterHeaders.SERVICE, "parser-service")
            .containsKeys(DeadLetterHeaders.MESSAGE, DeadLetterHeaders.ORIGINAL_OFFSET, DeadLetterHeaders.FAILED_AT));
        assertThat(dead).filteredOn(r -> "MALFORMED_EVENT".equals(r.headers().get(DeadLetterHeaders.REASON)))
            .singleElement()
            .satisfies(r -> assertThat(r.valueText()).as("original payload kept")
                .isEqualTo("{\"schemaVersion\": 1, \"issueKey\": "));
        for (String reason : badInputs.keySet()) {
            assertThat(this.meters.counter("parkworld.parser.failures", "reason", reason).count())
                .as("failure counter for " + reason).isGreaterThanOrEqualTo(1);
        }
        List<ArticleExtracted> afterBad = articlesOf(this.kafka.readUntil(ARTICLES,
                records -> articlesOf(records, "issue-121-after-bad.pdf").size() >= 43, Duration.ofSeconds(90)),
                "issue-121-after-bad.pdf");
        assertThat(afterBad).as("articles of the valid issue sent after the bad ones").hasSize(43);
    }

    private static List<ArticleExtracted> articlesOf(List<KafkaTopics.Received> records, String pdfName) {
        return records.stream()
            .map(r -> EventJson.read(r.value(), ArticleExtracted.class))
            .filter(a -> a.issue().sourceUrl().endsWith(pdfName))
            .toList();
    }

    private static List<String> concat(java.util.Collection<String> values, String extra) {
        List<String> all = new java.util.ArrayList<>(values);
        all.add(extra);
        return all;
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
