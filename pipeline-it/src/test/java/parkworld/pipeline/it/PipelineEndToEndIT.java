package parkworld.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.localstack.PipelineProgress;
import parkworld.pipeline.localstack.PipelineServices;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline as operators run it: the three packaged services as processes, real Kafka, real
 * Elasticsearch, and a local website whose listing page links to the fixture issue.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

    static final IsolatedPipeline NAMES = IsolatedPipeline.named("e2e");
    static final String FETCHED = NAMES.fetched();
    static final String ARTICLES = NAMES.articles();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static IssueWebsite website;
    static PipelineServices pipeline;
    static KafkaTopics kafka;

    @BeforeAll
    static void startPipeline() throws Exception {
        website = IssueWebsite.start(List.of(IssueWebsite.issue121()));
        kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
        pipeline = NAMES.start(website, Map.of(), Map.of());
        pipeline.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (website != null) {
            website.close();
        }
    }

    @Test
    @Order(1)
    void ingestsTheListedIssueIntoExactlyItsArticlesAndChangesNothingWhenRunAgain() throws Exception {
        await("pipeline settles").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
            .until(() -> pipeline.progress(), PipelineProgress::isSettled);
        PipelineProgress first = pipeline.progress();
        assertThat(first.issuesPublished()).as(first.summary()).isEqualTo(1);

        List<String> titles = indexedTitles();
        assertThat(titles).as("documents in Elasticsearch").hasSize(43);
        assertThat(titles).containsExactlyElementsOf(expectedTitles());
        long fetchedRecords = kafka.countCommitted(FETCHED);
        long articleRecords = kafka.countCommitted(ARTICLES);
        assertThat(fetchedRecords).isEqualTo(1);
        assertThat(articleRecords).isEqualTo(43);

        pipeline.restartIngest();
        pipeline.awaitReady(Duration.ofMinutes(2));
        await("second ingest run").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
            .until(() -> pipeline.progress(), p -> p.ingestRunDone() && p.issuesUnchanged() == 1);

        PipelineProgress second = pipeline.progress();
        assertThat(second.issuesPublished()).as("issues announced by the second run").isZero();
        assertThat(kafka.countCommitted(FETCHED)).as("IssueFetched records after the second run").isEqualTo(fetchedRecords);
        assertThat(kafka.countCommitted(ARTICLES)).as("article records after the second run").isEqualTo(articleRecords);
        assertThat(indexedTitles()).as("documents after the second run").hasSize(43);
    }

    /**
     * Runs after the ingest test (it adds records to the topics): a record neither service can read gives each a
     * dead letter, so the counters that appear only at their first increment are there too.
     */
    @Test
    @Order(2)
    void carriesTheTraceOfTheIssueFromItsIssueFetchedToEachOfItsArticles() {
        KafkaTopics.Received fetched = kafka.read(FETCHED, 1, Duration.ofSeconds(30)).get(0);
        List<KafkaTopics.Received> articles = kafka.read(ARTICLES, 43, Duration.ofSeconds(30));

        String traceId = traceId(fetched);
        assertThat(traceId).as("trace id of the IssueFetched record (W3C traceparent)").matches("[0-9a-f]{32}");
        assertThat(articles).hasSize(43).allSatisfy(article -> assertThat(traceId(article))
            .as("trace id of article " + article.key()).isEqualTo(traceId));
    }

    /** The trace id of a record's W3C {@code traceparent} header: {@code 00-<trace id>-<span id>-<flags>}. */
    private static String traceId(KafkaTopics.Received record) {
        String traceparent = record.headers().get("traceparent");
        assertThat(traceparent).as("traceparent header of " + record.key() + ": " + record.headers()).isNotNull();
        return traceparent.split("-")[1];
    }

    @Test
    @Order(3)
    void exposesEveryMetricTheAlertRulesAndTheDashboardRead() {
        kafka.send(FETCHED, "issue-not-json", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.send(ARTICLES, "article-not-json", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        String deadLetters = PipelineMeters.prometheus(PipelineMeters.DEAD_LETTERS, "_total");
        await("a dead letter from the parser and one from the indexer").atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> pipeline.scrapes(), scrapes -> scrapes.get("parser-service").contains(deadLetters + "{")
                    && scrapes.get("indexer-service").contains(deadLetters + "{"));

        // Kafka client metrics reach Micrometer when it next scans the clients' metrics (every minute).
        await("every metric read is exposed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .untilAsserted(() -> {
                Set<String> exposed = exposedMetrics();
                assertThat(exposed).as("metrics the three services expose").contains("process_uptime_seconds");
                assertThat(ObservabilityFiles.metricsRead()).as("metrics read by " + ObservabilityFiles.RULES + " and "
                        + ObservabilityFiles.DASHBOARD).isSubsetOf(exposed);
            });
    }

    private static Set<String> exposedMetrics() {
        Set<String> exposed = new TreeSet<>();
        pipeline.scrapes().values().forEach(scrape -> scrape.lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("[{ ]", 2)[0])
            .forEach(exposed::add));
        return exposed;
    }

    private static List<String> indexedTitles() throws Exception {
        String query = "{\"size\":100,\"sort\":[{\"ordinal\":\"asc\"}],\"_source\":[\"title\"]}";
        List<String> titles = new ArrayList<>();
        for (JsonNode hit : NAMES.askIndex("_search", query).path("hits").path("hits")) {
            titles.add(withoutWhitespace(hit.path("_source").path("title").asString()));
        }
        return titles;
    }

    private static List<String> expectedTitles() throws Exception {
        try (InputStream in = PipelineEndToEndIT.class.getResourceAsStream("/fixtures/issue-121.expected.json")) {
            List<String> titles = new ArrayList<>();
            for (JsonNode article : JSON.readTree(in).path("articles")) {
                titles.add(withoutWhitespace(article.path("title").asString()));
            }
            return titles;
        }
    }

    // The fixture's expected text is whitespace-insensitive: PDF producers space CJK and digits differently.
    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
