package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.parser.pipeline.GeneratedIssues;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import parkworld.pipeline.parser.pdf.TestPdfs;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/** The parser-service against a real Kafka broker: fixture issue in, 43 article events and a summary out. */
@SpringBootTest(properties = "server.port=0")
class ExtractArticlesIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it");
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
    private final TopicReader topics = new TopicReader(TestInfrastructure.kafkaBootstrapServers());

    @Autowired
    MeterRegistry meters;

    @Test
    void consumerGroupRebalancesCooperatively(@Autowired Environment environment) {
        // The broker's view of the live group: the assignor its consumer joined with (application.yml,
        // consumer-properties), so adding a parser moves partitions instead of stopping the group.
        String group = environment.getRequiredProperty("spring.cloud.stream.bindings.extractArticles-in-0.group");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrapServers()))) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                assertThat(description.partitionAssignor()).isEqualTo("cooperative-sticky");
            }
        });
    }

    @Test
    void publishesEveryArticleOfTheFixtureIssueThenItsSummary() throws Exception {
        Path pdf = blobs.resolve("issue-121.pdf");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.copy(in, pdf);
        }
        send(fetched("issue-121", pdf));

        // other tests publish on the same topics: keep this issue's records
        List<KafkaTopics.Received> articles = this.kafka.readUntil(ARTICLES,
                records -> ofIssue121(records).size() >= 43, Duration.ofSeconds(90));
        articles = ofIssue121(articles);
        List<KafkaTopics.Received> parsed = this.kafka.readUntil(PARSED,
                records -> records.stream().anyMatch(r -> "issue-121".equals(r.key())), Duration.ofSeconds(30))
            .stream().filter(r -> "issue-121".equals(r.key())).toList();

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
        // The trace context travels with every record: one trace for the issue, a span of its own per record.
        List<String> traceparents = java.util.stream.Stream.concat(articles.stream(), parsed.stream())
            .map(r -> r.headers().get("traceparent")).toList();
        assertThat(traceparents).as("W3C traceparent of every record").allMatch(t -> t != null
                && t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")).doesNotHaveDuplicates();
        assertThat(traceparents.stream().map(t -> t.split("-")[1]).distinct()).as("trace ids").hasSize(1);
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
            send(fetched(badKey(bad.getKey()), pdf));
        }
        Path good = blobs.resolve("issue-121-after-bad.pdf");
        Files.write(good, fixture);
        send(fetched("issue-121-after-bad", good));

        java.util.Set<String> keys = new java.util.HashSet<>();
        keys.add("issue-malformed");
        badInputs.keySet().forEach(reason -> keys.add(badKey(reason)));
        List<KafkaTopics.Received> dead = this.kafka.readUntil(DEAD_LETTER,
                records -> records.stream().filter(r -> keys.contains(r.key())).count() >= keys.size(),
                Duration.ofSeconds(90)).stream().filter(r -> keys.contains(r.key())).toList();

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
        assertThat(dead).filteredOn(r -> "NOT_PDF".equals(r.headers().get(DeadLetterHeaders.REASON)))
            .singleElement()
            .satisfies(r -> assertThat(r.headers().get(DeadLetterHeaders.MESSAGE))
                .as("describes the file without quoting it").doesNotContain("html").doesNotContain("404"));
        for (String reason : badInputs.keySet()) {
            assertThat(this.meters.counter(PipelineMeters.DEAD_LETTERS, PipelineMeters.TAG_REASON, reason).count())
                .as("dead-letter counter for " + reason).isGreaterThanOrEqualTo(1);
        }
        List<ArticleExtracted> afterBad = articlesOf(this.kafka.readUntil(ARTICLES,
                records -> articlesOf(records, "issue-121-after-bad.pdf").size() >= 43, Duration.ofSeconds(90)),
                "issue-121-after-bad.pdf");
        assertThat(afterBad).as("articles of the valid issue sent after the bad ones").hasSize(43);
    }

    @Test
    void keepsTheOriginalKeyAndHeadersOfADeadLetteredRecordByteForByte() throws Exception {
        Path pdf = Files.write(blobs.resolve("not-a-pdf.pdf"), "plain text".getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, "7f9c3a52-0000-4000-8000-000000000001");
        headers.put(CloudEventHeaders.TYPE, EventType.ISSUE_FETCHED.cloudEventType());
        headers.put(CloudEventHeaders.SOURCE, "/parkworld/ingest-service");
        headers.put(CloudEventHeaders.SUBJECT, "园区周报-key");
        this.kafka.send(FETCHED, "key-园区-1", fetched("key-kept", pdf), headers);

        ConsumerRecord<byte[], byte[]> dead = this.topics.readUntil(DEAD_LETTER, IsolationLevel.READ_COMMITTED,
                records -> records.stream().anyMatch(ExtractArticlesIT::isKeyKept), Duration.ofSeconds(60))
            .stream().filter(ExtractArticlesIT::isKeyKept).findFirst().orElseThrow();

        assertThat(dead.key()).isEqualTo("key-园区-1".getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, value) -> assertThat(dead.headers().lastHeader(name)).as(name).isNotNull()
            .satisfies(h -> assertThat(h.value()).as(name).isEqualTo(value.getBytes(StandardCharsets.UTF_8))));
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
            .isEqualTo("NOT_PDF");
    }

    @Test
    void leavesOutArticlesThatBreakTheContractListsThemInTheSummaryAndCountsThem() throws Exception {
        Path pdf = Files.write(blobs.resolve("issue-one-invalid.pdf"), GeneratedIssues.issue(10, 1, false));
        send(fetched("issue-one-invalid", pdf));

        List<KafkaTopics.Received> summaries = this.kafka.readUntil(PARSED,
                records -> records.stream().anyMatch(r -> "issue-one-invalid".equals(r.key())), Duration.ofSeconds(90));
        IssueParsed summary = summaries.stream().filter(r -> "issue-one-invalid".equals(r.key())).findFirst()
            .map(r -> EventJson.read(r.value(), IssueParsed.class)).orElseThrow();
        List<ArticleExtracted> articles = articlesOf(this.kafka.readUntil(ARTICLES,
                records -> articlesOf(records, "issue-one-invalid.pdf").size() >= 9, Duration.ofSeconds(30)),
                "issue-one-invalid.pdf");

        assertThat(articles).as("published articles").hasSize(9).extracting(ArticleExtracted::ordinal)
            .doesNotContain(1);
        assertThat(articles).extracting(ArticleExtracted::section).containsOnly("招商引资");
        assertThat(summary.articleIds()).containsExactlyElementsOf(articles.stream().map(ArticleExtracted::articleId)
            .toList());
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).startsWith("Article 1 \"").contains("not published")
            .contains("/section"));
        assertThat(this.meters.counter(PipelineMeters.INVALID_EVENTS, PipelineMeters.TAG_EVENT_TYPE,
                EventType.ARTICLE_EXTRACTED.name()).count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void publishesADegradedIssueWithItsQualityFiguresAndCountsItAsDegraded() throws Exception {
        Path pdf = Files.write(blobs.resolve("issue-degraded.pdf"), GeneratedIssues.degraded());
        send(fetched("issue-degraded", pdf));

        List<KafkaTopics.Received> summaries = this.kafka.readUntil(PARSED,
                records -> records.stream().anyMatch(r -> "issue-degraded".equals(r.key())), Duration.ofSeconds(90));
        IssueParsed summary = summaries.stream().filter(r -> "issue-degraded".equals(r.key())).findFirst()
            .map(r -> EventJson.read(r.value(), IssueParsed.class)).orElseThrow();

        assertThat(summary.articleIds()).as("published all the same").hasSize(2);
        IssueParsed.Quality quality = summary.quality();
        assertThat(quality.tocEntries()).as("entries listed").isEqualTo(5);
        assertThat(quality.tocEntriesMatched()).as("entries matched").isEqualTo(2);
        assertThat(quality.tocMatchedShare()).as("matched share").isEqualTo(0.4);
        assertThat(quality.tocArticlesPerSection()).as("listed per section").containsEntry("招商引资", 5);
        assertThat(quality.degraded()).as("degraded").isTrue();
        assertThat(quality.degradedReasons()).singleElement().asString()
            .contains("only 2 of 5 table-of-contents entries", "parkworld.parser.quality.min-toc-matched-share");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
            .untilAsserted(() -> assertThat(this.meters.counter(PipelineMeters.PARSER_ISSUES,
                    PipelineMeters.TAG_OUTCOME, "degraded").count()).as("degraded issues counted").isEqualTo(1));
    }

    @Test
    void deadLettersAnIssueLosingTooManyArticlesAsInvalidOutputAndPublishesNothingOfIt() throws Exception {
        Path pdf = Files.write(blobs.resolve("issue-no-sections.pdf"), GeneratedIssues.issue(5, 5, false));
        send(fetched("issue-no-sections", pdf));

        List<KafkaTopics.Received> dead = this.kafka.readUntil(DEAD_LETTER,
                records -> records.stream().anyMatch(r -> "issue-no-sections".equals(r.key())), Duration.ofSeconds(90))
            .stream().filter(r -> "issue-no-sections".equals(r.key())).toList();

        assertThat(dead).singleElement().satisfies(r -> assertThat(r.headers())
            .containsEntry(DeadLetterHeaders.REASON, "INVALID_OUTPUT"));
        assertThat(articlesOf(this.kafka.readUntil(ARTICLES, records -> false, Duration.ofSeconds(3)),
                "issue-no-sections.pdf")).as("articles of the dead-lettered issue").isEmpty();
        assertThat(this.kafka.readUntil(PARSED, records -> false, Duration.ofSeconds(1)))
            .noneMatch(r -> "issue-no-sections".equals(r.key()));
    }

    private static List<KafkaTopics.Received> ofIssue121(List<KafkaTopics.Received> records) {
        return records.stream()
            .filter(r -> EventJson.read(r.value(), ArticleExtracted.class).issue().sourceUrl().endsWith("/issue-121.pdf"))
            .toList();
    }

    private static boolean isKeyKept(ConsumerRecord<byte[], byte[]> record) {
        return record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals("key-园区-1");
    }

    private static String badKey(String reason) {
        return "bad-" + reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
        // An empty blob still comes with a valid event (sizeBytes >= 1): a file truncated in the store after ingest.
        return EventJson.write(new IssueFetched(1, key, pdf.toUri().toString(), "http://127.0.0.1/" + key + ".pdf", sha,
                Math.max(1, bytes.length), Instant.now()));
    }

    private void send(String key, byte[] payload) {
        this.kafka.send(FETCHED, key, payload, Map.of());
    }

    private void send(byte[] payload) {
        send(EventJson.read(payload, IssueFetched.class).issueKey(), payload);
    }
}
