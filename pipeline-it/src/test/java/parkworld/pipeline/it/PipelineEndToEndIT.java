package parkworld.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static final Path PROJECT_ROOT = Path.of(System.getProperty("parkworld.project.root", "..")).toAbsolutePath().normalize();
    static final String FETCHED = KafkaTopics.unique("e2e.issues.fetched");
    static final String ARTICLES = KafkaTopics.unique("e2e.articles");
    static final String ALIAS = KafkaTopics.unique("e2e-articles");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static HttpServer website;
    static PipelineServices pipeline;
    static KafkaTopics kafka;

    @BeforeAll
    static void startPipeline() throws Exception {
        byte[] pdf;
        try (InputStream in = PipelineEndToEndIT.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            pdf = in.readAllBytes();
        }
        website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/weekly/", "text/html; charset=utf-8",
                "<html><body><a href=\"/files/issue-121.pdf\">园区周报 2023年5月4期（总121期）</a></body></html>"
                    .getBytes(StandardCharsets.UTF_8));
        serve("/files/issue-121.pdf", "application/pdf", pdf);
        website.start();
        kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
        // Under target/ so the services' logs are there to read when this test fails.
        Path work = Files.createDirectories(Path.of("target", "e2e-work")).resolve(ALIAS).toAbsolutePath();
        pipeline = PipelineServices.start(new PipelineServices.Settings(PROJECT_ROOT,
                TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.elasticsearchUrl(),
                "http://127.0.0.1:" + website.getAddress().getPort() + "/weekly/", work,
                Map.ofEntries(Map.entry("parkworld.topics.issues-fetched", FETCHED),
                        Map.entry("parkworld.topics.articles", ARTICLES),
                        Map.entry("parkworld.topics.issues-parsed", KafkaTopics.unique("e2e.issues.parsed")),
                        Map.entry("parkworld.topics.parser-dead-letter", KafkaTopics.unique("e2e.parser.dlq")),
                        Map.entry("parkworld.topics.indexer-dead-letter", KafkaTopics.unique("e2e.indexer.dlq")),
                        Map.entry("parkworld.topics.ingest-state", KafkaTopics.unique("e2e.ingest.state")),
                        Map.entry("parkworld.ingest.state.transactional-id", KafkaTopics.unique("e2e-ingest")),
                        Map.entry("parkworld.indexer.index.alias", ALIAS),
                        Map.entry("parkworld.indexer.index.name", ALIAS + "-v1"),
                        // (allow-loopback: PipelineServices sets it for a source on this machine.)
                        Map.entry("parkworld.ingest.crawler.min-delay-per-host", "0s"))));
        pipeline.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (website != null) {
            website.stop(0);
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
        HttpClient http = HttpClient.newHttpClient();
        String es = TestInfrastructure.elasticsearchUrl();
        http.send(HttpRequest.newBuilder(URI.create(es + "/" + ALIAS + "/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.discarding());
        String query = "{\"size\":100,\"sort\":[{\"ordinal\":\"asc\"}],\"_source\":[\"title\"]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(es + "/" + ALIAS + "/_search"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(query))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
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

    private static void serve(String path, String contentType, byte[] body) {
        website.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
