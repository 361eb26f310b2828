package parkworld.pipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.ContractSamples;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.IssueRef;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.document.SearchDocument;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indexer end to end against real Kafka and real Elasticsearch: records produced as the parser produces them,
 * documents and dead letters checked where downstream readers find them. Topics, consumer group and index are unique
 * to each run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerServiceIT {

    /** The article id both contract samples carry. */
    private static final String SAMPLE_ARTICLE_ID = "121-449319b7d5d3";

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ARTICLES_TOPIC = "it-" + RUN + ".articles";
    static final String ISSUES_PARSED_TOPIC = "it-" + RUN + ".issues.parsed";
    static final String DEAD_LETTER_TOPIC = "it-" + RUN + ".indexer.dlq";
    static final String GROUP = "it-" + RUN + "-indexer";
    static final String ALIAS = "it-" + RUN + "-articles";
    static final String INDEX = ALIAS + "-v2";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("parkworld.elasticsearch.uris", TestInfrastructure::elasticsearchUrl);
        registry.add("parkworld.topics.articles", () -> ARTICLES_TOPIC);
        registry.add("parkworld.topics.issues-parsed", () -> ISSUES_PARSED_TOPIC);
        registry.add("parkworld.topics.indexer-dead-letter", () -> DEAD_LETTER_TOPIC);
        registry.add("spring.cloud.stream.bindings.indexArticles-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.replaceIssues-in-0.group", () -> GROUP + "-issues");
        registry.add("parkworld.indexer.index.alias", () -> ALIAS);
        registry.add("parkworld.indexer.index.name", () -> INDEX);
        registry.add("parkworld.retry.initial-interval", () -> "200ms");
        registry.add("parkworld.retry.max-interval", () -> "1s");
    }

    @Autowired
    RestClient elasticsearch;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    KafkaProducer<byte[], byte[]> producer;

    @AfterAll
    void cleanUp() throws IOException {
        if (this.producer != null) {
            this.producer.close(Duration.ofSeconds(5));
        }
        setWriteBlock(false);
        this.elasticsearch.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
        Request delete = new Request("DELETE", "/_index_template/" + INDEX);
        delete.addParameter("ignore", "404");
        this.elasticsearch.performRequest(delete);
    }

    @Test
    void setsUpTheVersionedIndexWithAStrictMappingBehindTheAlias() throws IOException {
        JsonNode aliases = get("/_alias/" + ALIAS);
        assertThat(aliases.propertyNames()).as("indices the alias points at").containsExactly(INDEX);
        assertThat(get("/" + INDEX + "/_mapping").path(INDEX).path("mappings").path("dynamic").asString())
            .isEqualTo("strict");
        assertThat(get("/" + INDEX + "/_mapping").path(INDEX).path("mappings").path("properties").path("location")
            .path("type").asString()).isEqualTo("geo_point");
    }

    @Test
    void indexesEachArticleOnceUnderItsId() throws Exception {
        ArticleExtracted full = TestArticles.article(newArticleId(), Instant.parse("2023-05-30T08:00:00.123456789Z"));
        ArticleExtracted bare = TestArticles.bareArticle(newArticleId(), TestArticles.PARSED_AT);

        send(full);
        send(bare);

        JsonNode document = awaitDocument(full.articleId());
        assertThat(document.path("_id").asString()).isEqualTo(full.articleId());
        assertThat(document.path("_index").asString()).isEqualTo(INDEX);
        assertThat(document.path("_version").asLong()).as("external version = parsedAt in epoch millis")
            .isEqualTo(full.parsedAt().toEpochMilli());
        JsonNode source = document.path("_source");
        assertThat(source).as("the document is the article's search document, field for field")
            .isEqualTo(JSON.readTree(EventJson.write(SearchDocument.of(full))));
        assertThat(source.path("location").path("lat").asDouble()).isEqualTo(22.52);
        assertThat(source.path("amounts").get(0).path("value").asLong()).isEqualTo(3_000_000_000L);
        assertThat(awaitDocument(bare.articleId()).path("_source").path("sourceName").isNull())
            .as("an article without source keeps sourceName null")
            .isTrue();
        assertThat(search("{\"query\":{\"term\":{\"provinceCode\":\"CN-GD\"}}}").path("hits").path("total")
            .path("value").asLong()).as("province codes are searchable keywords").isPositive();
    }

    @Test
    void resendingTheSameEventsCreatesNoDuplicates() throws Exception {
        ArticleExtracted article = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(article);
        awaitDocument(article.articleId());

        send(article);
        send(article);
        ArticleExtracted marker = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(marker);
        awaitDocument(marker.articleId());

        refresh();
        assertThat(search("{\"query\":{\"term\":{\"articleId\":\"" + article.articleId() + "\"}}}").path("hits")
            .path("total").path("value").asLong()).as("documents for an article sent three times").isEqualTo(1);
    }

    @Test
    void keepsTheLatestParseWhenAnOlderOneArrivesLate() throws Exception {
        String id = newArticleId();
        Instant newer = Instant.parse("2023-06-01T10:00:00Z");
        double staleBefore = counter(PipelineMeters.INDEXER_ARTICLES_STALE);

        send(TestArticles.article(id, newer, "较新的解析结果"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(document(id).path("_source").path("title").asString())
                .isEqualTo("较新的解析结果"));

        send(TestArticles.article(id, newer.minusSeconds(3600), "过时的解析结果"));
        ArticleExtracted marker = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(marker);
        awaitDocument(marker.articleId());

        assertThat(document(id).path("_source").path("title").asString())
            .as("a late event from an older parse must not overwrite the newer one")
            .isEqualTo("较新的解析结果");
        assertThat(counter(PipelineMeters.INDEXER_ARTICLES_STALE) - staleBefore).as("stale articles counted").isEqualTo(1);

        send(TestArticles.article(id, newer.plusSeconds(3600), "最新的解析结果"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(document(id).path("_source").path("title").asString())
                .as("a later parse supersedes")
                .isEqualTo("最新的解析结果"));
    }

    @Test
    void sendsMalformedEventToDeadLetterTopicWithItsKeyValueAndEveryHeaderByteForByte() throws Exception {
        byte[] garbage = ("{\"articleId\":\"" + RUN + "\", truncated").getBytes(StandardCharsets.UTF_8);
        String key = "malformed-" + RUN;
        // What a Spring producer adds (the JSON type map a header mapper consumes on the way in), tracing, and bytes
        // that are not UTF-8: a dead letter must keep them all as they were.
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, ("ce-" + RUN).getBytes(StandardCharsets.UTF_8));
        headers.put(CloudEventHeaders.TYPE, EventType.ARTICLE_EXTRACTED.cloudEventType().getBytes(StandardCharsets.UTF_8));
        headers.put("contentType", "\"application/json\"".getBytes(StandardCharsets.UTF_8));
        headers.put("spring_json_header_types", "{\"contentType\":\"java.lang.String\"}".getBytes(StandardCharsets.UTF_8));
        headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        headers.put("x-binary", new byte[] { (byte) 0xff, 0x00, (byte) 0xfe, (byte) 0x80 });
        RecordMetadata malformed = sendRaw(key.getBytes(StandardCharsets.UTF_8), garbage, headers);
        ArticleExtracted next = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(next);

        awaitDocument(next.articleId());
        ConsumerRecord<byte[], byte[]> deadLetter = awaitRawDeadLetter(key);
        assertThat(deadLetter.value()).as("the original bytes, unchanged").isEqualTo(garbage);
        assertThat(deadLetter.key()).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> dlqHeaders = new LinkedHashMap<>();
        Map<String, byte[]> keptHeaders = new LinkedHashMap<>();
        for (Header header : deadLetter.headers()) {
            (DeadLetterHeaders.isDeadLetterHeader(header.key()) ? dlqHeaders : keptHeaders).put(header.key(),
                    header.value());
        }
        assertThat(keptHeaders).as("exactly the original headers besides parkworld_dlq_*")
            .containsOnlyKeys(headers.keySet());
        headers.forEach((name, value) -> assertThat(keptHeaders.get(name)).as("header %s", name).isEqualTo(value));
        assertThat(text(dlqHeaders))
            .containsEntry(DeadLetterHeaders.REASON, "MALFORMED_EVENT")
            .containsEntry(DeadLetterHeaders.SERVICE, "indexer-service")
            .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, ARTICLES_TOPIC)
            .containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(malformed.partition()))
            .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(malformed.offset()))
            .containsKey(DeadLetterHeaders.FAILED_AT);
        assertThat(text(dlqHeaders).get(DeadLetterHeaders.MESSAGE)).contains("ArticleExtracted").doesNotContain(RUN);
        assertThat(counter(PipelineMeters.DEAD_LETTERS, PipelineMeters.TAG_REASON, "MALFORMED_EVENT"))
            .isGreaterThanOrEqualTo(1);
    }

    @Test
    void indexesANewerMinorVersionOfTheEventWithoutItsUnknownFields() throws Exception {
        String id = newArticleId();
        byte[] newer = withArticleId(ContractSamples.of(EventType.ARTICLE_EXTRACTED, ContractSamples.Shape.NEWER), id);

        sendRaw(id.getBytes(StandardCharsets.UTF_8), newer, ceHeaders(id));

        JsonNode source = awaitDocument(id).path("_source");
        JsonNode sample = JSON.readTree(newer);
        assertThat(sample.has("sentiment") && sample.path("issue").has("coverPage")
                && sample.path("organizations").get(0).has("stockCode")
                && sample.path("places").get(0).path("location").has("precision"))
            .as("the sample has unknown fields at every level")
            .isTrue();
        assertThat(source).as("the search document of the event as this indexer reads it")
            .isEqualTo(JSON.readTree(EventJson.write(SearchDocument.of(EventJson.read(newer, ArticleExtracted.class)))));
        assertThat(source.path("eventType").asString()).isEqualTo("settlement");
        assertThat(source.path("investmentCny").asLong()).isEqualTo(13_000_000_000L);
        assertThat(source.path("organizations").get(0).path("name").asString()).isEqualTo("鹏辉能源");
        assertThat(source.path("issue").path("date").asString()).isEqualTo("2023-05-30");
        assertThat(source.has("sentiment") || source.path("issue").has("coverPage")
                || source.path("organizations").get(0).has("stockCode") || source.path("location").has("precision"))
            .as("no unknown field reaches the document")
            .isFalse();
        assertNotDeadLettered(id);
    }

    @Test
    void indexesThePreviousShapeOfTheEvent() throws Exception {
        String id = newArticleId();
        byte[] previous = withArticleId(ContractSamples.of(EventType.ARTICLE_EXTRACTED, ContractSamples.Shape.PREVIOUS), id);

        sendRaw(id.getBytes(StandardCharsets.UTF_8), previous, ceHeaders(id));

        JsonNode source = awaitDocument(id).path("_source");
        assertThat(source).isEqualTo(JSON.readTree(EventJson.write(SearchDocument.of(EventJson.read(previous,
                ArticleExtracted.class)))));
        assertThat(source.path("eventType").isNull() && source.path("investmentCny").isNull()).isTrue();
        assertNotDeadLettered(id);
    }

    @Test
    void aReparseRemovesTheArticlesItDroppedAndRetitlesTheOnesItKept() throws Exception {
        IssueRef issue = newIssue();
        Instant first = Instant.parse("2023-05-30T07:00:00Z");
        Instant second = first.plus(Duration.ofHours(2));
        ArticleExtracted kept = article(issue, "000000000001", first, "保留的文章");
        ArticleExtracted dropped = article(issue, "000000000002", first, "被删除的文章");
        ArticleExtracted retitledOld = article(issue, "000000000003", first, "旧标题");
        List.of(kept, dropped, retitledOld).forEach(this::sendQuietly);
        sendParsed(issue, "issue-" + issue.serial(), first, kept, dropped, retitledOld);
        awaitDocument(kept.articleId());
        awaitDocument(dropped.articleId());

        // The re-parse: a new title gives a new article id; the dropped article is gone. The summary is sent before
        // the articles on purpose (order between the topics is not guaranteed), under another issue key (another
        // render of the same issue).
        ArticleExtracted keptAgain = article(issue, "000000000001", second, "保留的文章");
        ArticleExtracted retitled = article(issue, "000000000004", second, "新标题");
        sendParsed(issue, "issue-" + issue.serial() + "-rerender", second, keptAgain, retitled);
        send(keptAgain);
        send(retitled);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                titlesOfIssue(issue)).as("documents of the issue after the re-parse")
            .containsExactlyInAnyOrderEntriesOf(Map.of(keptAgain.articleId(), "保留的文章", retitled.articleId(), "新标题")));
        assertThat(document(keptAgain.articleId()).path("_version").asLong()).isEqualTo(second.toEpochMilli());
        assertThat(counter(PipelineMeters.INDEXER_ARTICLES_REMOVED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOlderParseReplayedAfterANewerOneLeavesTheIndexUnchanged() throws Exception {
        IssueRef issue = newIssue();
        String issueKey = "issue-" + issue.serial();
        Instant older = Instant.parse("2023-05-30T07:00:00Z");
        Instant newer = older.plus(Duration.ofHours(2));
        ArticleExtracted onlyInOlder = article(issue, "000000000001", older, "旧解析的文章");
        ArticleExtracted sharedOld = article(issue, "000000000002", older, "共同的文章（旧）");
        ArticleExtracted sharedNew = article(issue, "000000000002", newer, "共同的文章（新）");
        ArticleExtracted onlyInNewer = article(issue, "000000000003", newer, "新解析的文章");
        send(onlyInOlder);
        send(sharedOld);
        sendParsed(issue, issueKey, older, onlyInOlder, sharedOld);
        awaitDocument(onlyInOlder.articleId());
        send(sharedNew);
        send(onlyInNewer);
        sendParsed(issue, issueKey, newer, sharedNew, onlyInNewer);
        Map<String, String> asTheNewerParseLeftIt = Map.of(sharedNew.articleId(), "共同的文章（新）",
                onlyInNewer.articleId(), "新解析的文章");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(titlesOfIssue(issue)).isEqualTo(asTheNewerParseLeftIt));

        // An operator replays the older parse, summary and articles (the summary first: no order between topics).
        sendParsed(issue, issueKey, older, onlyInOlder, sharedOld);
        send(sharedOld);
        send(onlyInOlder);
        awaitPastReplayedRecords(issueKey);

        assertThat(titlesOfIssue(issue)).as("the index as the newer parse left it").isEqualTo(asTheNewerParseLeftIt);
        assertThat(document(sharedNew.articleId()).path("_version").asLong()).isEqualTo(newer.toEpochMilli());
        assertThat(document(onlyInOlder.articleId()).path("found").asBoolean())
            .as("the article the newer parse removed stays removed (its delete's tombstone outranks the old version)")
            .isFalse();
    }

    @Test
    void refusesAnIssueParsedStampedFurtherAheadThanTheClockSkewAllows() throws Exception {
        IssueRef issue = newIssue();
        String issueKey = "issue-" + issue.serial();
        ArticleExtracted article = article(issue, "000000000001", Instant.parse("2023-05-30T07:00:00Z"), "文章");
        send(article);
        awaitDocument(article.articleId());

        sendParsed(issue, issueKey, Instant.now().plus(Duration.ofDays(365)));

        KafkaTopics.Received deadLetter = awaitDeadLetter(issueKey);
        assertThat(deadLetter.headers()).containsEntry(DeadLetterHeaders.REASON, "PARSED_AT_IN_FUTURE")
            .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, ISSUES_PARSED_TOPIC);
        assertThat(document(article.articleId()).path("found").asBoolean())
            .as("a parse from the future removes nothing").isTrue();
    }

    @Test
    void sendsArticleElasticsearchRefusesToDeadLetterTopic() throws Exception {
        ArticleExtracted base = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        // Valid by the schema (a number, no upper bound), but beyond a double: Elasticsearch refuses the document.
        // (investmentCny is the one indexed amount: amounts are kept for display only)
        java.math.BigDecimal beyondDouble = new java.math.BigDecimal("1E+400");
        ArticleExtracted immense = new ArticleExtracted(base.schemaVersion(), base.articleId(), base.issue(),
                base.ordinal(), base.section(), base.title(), base.lead(), base.body(), base.sourceName(), base.page(),
                base.eventDates(), base.amounts(), base.places(), base.industries(), base.parserVersion(),
                base.parsedAt(), List.of(), "signing",
                new ArticleExtracted.Investment(beyondDouble, "CNY", beyondDouble, false, "无穷亿元"));
        assertThat(EventType.ARTICLE_EXTRACTED.violations(EventJson.write(immense))).isEmpty();
        byte[] payload = EventJson.write(immense);

        send(immense.articleId(), payload, CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED,
                "/parkworld/parser-service", immense.articleId(), immense.parsedAt()));

        KafkaTopics.Received deadLetter = awaitDeadLetter(immense.articleId());
        assertThat(deadLetter.value()).isEqualTo(payload);
        assertThat(deadLetter.headers()).containsEntry(DeadLetterHeaders.REASON, "INDEX_REJECTED");
        assertThat(deadLetter.headers().get(DeadLetterHeaders.MESSAGE)).contains(immense.articleId()).contains("400");
        assertThat(document(immense.articleId()).path("found").asBoolean()).isFalse();
    }

    @Test
    void retriesTheBatchWithoutCommittingItUntilElasticsearchAcceptsWrites() throws Exception {
        ArticleExtracted warmUp = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(warmUp);
        awaitDocument(warmUp.articleId());
        double retriesBefore = counter(PipelineMeters.INDEXER_BULK_RETRIES);
        ArticleExtracted article = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);

        setWriteBlock(true);
        RecordMetadata sent;
        try {
            sent = send(article);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(counter(PipelineMeters.INDEXER_BULK_RETRIES) - retriesBefore)
                    .as("failed attempts while the index refuses writes")
                    .isGreaterThanOrEqualTo(3));
            assertThat(committedOffset(sent)).as("offset committed while the article is not indexed")
                .isLessThanOrEqualTo(sent.offset());
            assertThat(document(article.articleId()).path("found").asBoolean()).isFalse();
        }
        finally {
            setWriteBlock(false);
        }

        awaitDocument(article.articleId());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(committedOffset(sent)).as("offset committed once indexed")
                .isGreaterThan(sent.offset()));
        assertThat(this.kafka.read(DEAD_LETTER_TOPIC, 1_000, Duration.ofSeconds(3)))
            .as("an outage must not dead-letter anything")
            .noneMatch(record -> article.articleId().equals(record.key()));
    }

    @Test
    void reportsReadinessAndMetricsOverHttp() throws Exception {
        ArticleExtracted article = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(article);
        awaitDocument(article.articleId());

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(http("/actuator/health/readiness").statusCode()).isEqualTo(200));
        HttpResponse<String> prometheus = http("/actuator/prometheus");
        assertThat(prometheus.body()).contains("parkworld_indexer_articles_indexed_total")
            .contains("parkworld_indexer_bulk_duration_seconds_count{outcome=\"success\"");
        assertThat(http("/actuator/env").statusCode()).as("only health, info and prometheus are exposed")
            .isEqualTo(404);
    }

    // --- helpers

    /** An issue of its own for each test: documents are matched by issue serial. */
    static IssueRef newIssue() {
        int serial = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        return new IssueRef(serial, 2023, 5, 4, "园区周报 (总" + serial + "期)",
                "https://www.parkworld.net/uploads/issue-" + serial + ".pdf", TestArticles.SHA,
                java.time.LocalDate.of(2023, 5, 30));
    }

    static ArticleExtracted article(IssueRef issue, String hash, Instant parsedAt, String title) {
        ArticleExtracted a = TestArticles.article(issue.serial() + "-" + hash, parsedAt, title);
        return new ArticleExtracted(a.schemaVersion(), a.articleId(), issue, a.ordinal(), a.section(), a.title(),
                a.lead(), a.body(), a.sourceName(), a.page(), a.eventDates(), a.amounts(), a.places(), a.industries(),
                a.parserVersion(), a.parsedAt());
    }

    void sendQuietly(ArticleExtracted article) {
        try {
            send(article);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    RecordMetadata sendParsed(IssueRef issue, String issueKey, Instant parsedAt, ArticleExtracted... articles)
            throws Exception {
        IssueParsed parsed = new IssueParsed(1, issueKey, issue, parsedAt,
                java.util.Arrays.stream(articles).map(ArticleExtracted::articleId).toList(),
                Map.of("招商引资", articles.length), List.of());
        Map<String, byte[]> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(EventType.ISSUE_PARSED, "/parkworld/parser-service", issueKey, parsedAt)
            .forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return sendRaw(ISSUES_PARSED_TOPIC, issueKey.getBytes(StandardCharsets.UTF_8), EventJson.write(parsed),
                headers);
    }

    /**
     * Waits until the indexer got past everything sent so far on both topics: a marker issue under the same issue key
     * (so on the same partition, after the records sent before) removes its one document, and a marker article is
     * indexed.
     */
    void awaitPastReplayedRecords(String issueKey) throws Exception {
        IssueRef markerIssue = newIssue();
        ArticleExtracted markerArticle = article(markerIssue, "00000000000f", Instant.parse("2023-05-30T07:00:00Z"),
                "标记");
        send(markerArticle);
        awaitDocument(markerArticle.articleId());
        sendParsed(markerIssue, issueKey, Instant.parse("2023-05-30T08:00:00Z"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
            .until(() -> !document(markerArticle.articleId()).path("found").asBoolean());
        refresh();
    }

    /** @return article id to title of the documents of the issue */
    Map<String, String> titlesOfIssue(IssueRef issue) throws IOException {
        refresh();
        JsonNode hits = search("{\"size\":100,\"query\":{\"term\":{\"issue.serial\":" + issue.serial() + "}}}")
            .path("hits").path("hits");
        Map<String, String> titles = new java.util.TreeMap<>();
        hits.forEach(hit -> titles.put(hit.path("_id").asString(), hit.path("_source").path("title").asString()));
        return titles;
    }

    static String newArticleId() {
        byte[] hash = new byte[6];
        ThreadLocalRandom.current().nextBytes(hash);
        return "121-" + HexFormat.of().formatHex(hash);
    }

    RecordMetadata send(ArticleExtracted article) throws Exception {
        return send(article.articleId(), EventJson.write(article), CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED,
                "/parkworld/parser-service", article.articleId(), article.parsedAt()));
    }

    RecordMetadata send(String key, byte[] value, Map<String, String> headers) throws Exception {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        headers.forEach((name, headerValue) -> raw.put(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return sendRaw(key.getBytes(StandardCharsets.UTF_8), value, raw);
    }

    static Map<String, byte[]> ceHeaders(String articleId) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED, "/parkworld/parser-service", articleId,
                TestArticles.PARSED_AT).forEach((name, value) -> raw.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return raw;
    }

    /** The sample's bytes with another article id, so each test indexes its own document. */
    static byte[] withArticleId(byte[] sample, String articleId) {
        String json = new String(sample, StandardCharsets.UTF_8);
        assertThat(json).contains(SAMPLE_ARTICLE_ID);
        return json.replace(SAMPLE_ARTICLE_ID, articleId).getBytes(StandardCharsets.UTF_8);
    }

    RecordMetadata sendRaw(byte[] key, byte[] value, Map<String, byte[]> headers) throws Exception {
        return sendRaw(ARTICLES_TOPIC, key, value, headers);
    }

    synchronized RecordMetadata sendRaw(String topic, byte[] key, byte[] value, Map<String, byte[]> headers)
            throws Exception {
        if (this.producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue));
        return this.producer.send(record).get();
    }

    /** Reads the dead-letter topic as a downstream consumer would, without decoding anything. */
    ConsumerRecord<byte[], byte[]> awaitRawDeadLetter(String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + RUN + "-dlq-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTER_TOPIC));
            byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (java.util.Arrays.equals(wanted, record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key + " on " + DEAD_LETTER_TOPIC + " within " + PATIENCE);
    }

    /** Waits until the indexer got past the record (a later marker is indexed), then checks the dead-letter topic. */
    void assertNotDeadLettered(String articleId) throws Exception {
        ArticleExtracted marker = TestArticles.article(newArticleId(), TestArticles.PARSED_AT);
        send(marker);
        awaitDocument(marker.articleId());
        assertThat(this.kafka.read(DEAD_LETTER_TOPIC, 1_000, Duration.ofSeconds(3)))
            .as("dead letters of article %s", articleId)
            .noneMatch(record -> articleId.equals(record.key()));
    }

    static Map<String, String> text(Map<String, byte[]> headers) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));
        return text;
    }

    JsonNode awaitDocument(String id) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
            .until(() -> document(id), document -> document.path("found").asBoolean());
    }

    KafkaTopics.Received awaitDeadLetter(String key) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
            .until(() -> this.kafka.read(DEAD_LETTER_TOPIC, 1_000, Duration.ofSeconds(2))
                .stream()
                .filter(record -> key.equals(record.key()))
                .findFirst(), found -> found.isPresent())
            .orElseThrow();
    }

    JsonNode document(String id) throws IOException {
        Request request = new Request("GET", "/" + ALIAS + "/_doc/" + id);
        try {
            return JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(request).getEntity()));
        }
        catch (ResponseException ex) {
            if (ex.getResponse().getStatusLine().getStatusCode() == 404) {
                return JSON.readTree(EntityUtils.toString(ex.getResponse().getEntity()));
            }
            throw ex;
        }
    }

    JsonNode search(String query) throws IOException {
        Request request = new Request("POST", "/" + ALIAS + "/_search");
        request.setJsonEntity(query);
        return JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(request).getEntity()));
    }

    JsonNode get(String path) throws IOException {
        return JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(new Request("GET", path)).getEntity()));
    }

    void refresh() throws IOException {
        this.elasticsearch.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));
    }

    void setWriteBlock(boolean blocked) throws IOException {
        Request request = new Request("PUT", "/" + INDEX + "/_settings");
        request.setJsonEntity("{\"index.blocks.write\":" + (blocked ? "true" : "null") + "}");
        this.elasticsearch.performRequest(request);
    }

    @Test
    void bothConsumerGroupsRebalanceCooperatively() {
        // What the broker reports for the live groups: the assignor the consumers joined with, so a scale-out by KEDA
        // moves partitions one by one instead of stopping every consumer (application.yml, consumer-properties).
        await().atMost(PATIENCE).untilAsserted(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrapServers()))) {
                Map<String, ConsumerGroupDescription> groups = admin
                    .describeConsumerGroups(List.of(GROUP, GROUP + "-issues")).all().get();
                assertThat(groups.values()).extracting(ConsumerGroupDescription::partitionAssignor)
                    .containsOnly("cooperative-sticky");
            }
        });
    }

    long committedOffset(RecordMetadata sent) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
            OffsetAndMetadata committed = offsets.get(new TopicPartition(sent.topic(), sent.partition()));
            return committed == null ? -1 : committed.offset();
        }
    }

    double counter(String name, String... tags) {
        return Search.in(this.meters).name(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    HttpResponse<String> http(String path) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
    }
}
