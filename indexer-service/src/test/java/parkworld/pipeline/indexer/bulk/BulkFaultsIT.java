package parkworld.pipeline.indexer.bulk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.indexer.mapping.TestIndex;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk writer behind an HTTP fault stub (WireMock) in front of {@code _bulk}, everything else and every request
 * after the fault proxied to the real Elasticsearch: each fault is retried and ends with every article indexed once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkFaultsIT {

    static final String INDEX = "faults-" + UUID.randomUUID().toString().substring(0, 8) + "-articles-v2";
    static final String BULK = "/" + INDEX + "/_bulk";
    static final String SCENARIO = "one fault";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final WireMockServer stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RestClient direct;
    RestClient throughStub;
    ArticleBulkWriter writer;
    int nextId;

    @BeforeAll
    void start() throws IOException {
        this.direct = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(this.direct,
                new Jackson3JsonpMapper()));
        TestIndex.create(client, INDEX);
        this.stub.start();
        this.throughStub = RestClient.builder(HttpHost.create(this.stub.baseUrl()))
            .setRequestConfigCallback(config -> config.setConnectTimeout(1000).setSocketTimeout(1000))
            .build();
        ElasticsearchClient stubbed = new ElasticsearchClient(new RestClientTransport(this.throughStub,
                new Jackson3JsonpMapper()));
        BulkProperties bulk = BulkProperties.defaults()
            .withItemRetry(new BulkProperties.ItemRetry(3, Duration.ofMillis(50), Duration.ofMillis(200)));
        this.writer = new ArticleBulkWriter(stubbed::bulk, INDEX, bulk, this.meters);
    }

    @BeforeEach
    void proxyEverythingToElasticsearch() {
        this.stub.resetAll();
        this.stub.stubFor(any(anyUrl()).atPriority(10)
            .willReturn(aResponse().proxiedFrom(TestInfrastructure.elasticsearchUrl())));
    }

    @AfterEach
    void clearMeters() {
        this.meters.clear();
    }

    @AfterAll
    void stop() throws IOException {
        this.stub.stop();
        this.throughStub.close();
        this.direct.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
        Request template = new Request("DELETE", "/_index_template/" + INDEX);
        template.addParameter("ignore", "404");
        this.direct.performRequest(template);
        this.direct.close();
    }

    /** The first bulk request gets {@code fault}; later ones go to Elasticsearch. */
    void firstBulkGets(ResponseDefinitionBuilder fault) {
        // The header the client checks to know it talks to Elasticsearch (a proxy or load balancer would pass it on).
        fault.withHeader("X-Elastic-Product", "Elasticsearch");
        this.stub.stubFor(post(urlPathEqualTo(BULK)).atPriority(1)
            .inScenario(SCENARIO)
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("fault served")
            .willReturn(fault));
    }

    @Test
    void retriesARequestRefusedWithTooManyRequestsByTheCircuitBreaker() throws IOException {
        firstBulkGets(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"root_cause":[{"type":"circuit_breaking_exception","reason":"[parent] Data too large, \
                data for [indices:data/write/bulk[s]] would be [536870912/512mb], which is larger than the limit of \
                [510027366/486.3mb]","bytes_wanted":536870912,"bytes_limit":510027366,"durability":"TRANSIENT"}],\
                "type":"circuit_breaking_exception","reason":"[parent] Data too large","bytes_wanted":536870912,\
                "bytes_limit":510027366,"durability":"TRANSIENT"},"status":429}"""));
        List<ArticleDocument> documents = documents(3);

        BulkResult result = this.writer.write(documents);

        assertThat(result).isEqualTo(new BulkResult(3, 0, List.of()));
        assertThat(bulkRequests()).hasSize(2);
        assertThat(itemRetries("429 circuit_breaking_exception")).isEqualTo(3);
        assertIndexedOnce(documents);
    }

    @Test
    void retriesARequestAnsweredWithServiceUnavailable() throws IOException {
        firstBulkGets(aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
            .withBody("503 Service Unavailable"));
        List<ArticleDocument> documents = documents(2);

        BulkResult result = this.writer.write(documents);

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(bulkRequests()).hasSize(2);
        assertThat(this.meters.find(PipelineMeters.INDEXER_BULK_ITEM_RETRIES).counters()).singleElement()
            .satisfies(counter -> assertThat(counter.getId().getTag(PipelineMeters.TAG_REASON)).startsWith("503"));
        assertIndexedOnce(documents);
    }

    @Test
    void retriesARequestWhoseResponseTimedOutWithoutWritingAnyDocumentTwice() throws IOException {
        // The first request reaches Elasticsearch, but its answer arrives after the client's 1 s socket timeout, and
        // the client sends it again. Whichever copy Elasticsearch applies first writes the documents; the other is
        // refused with version conflicts, which count as stale: nothing is written twice.
        firstBulkGets(aResponse().proxiedFrom(TestInfrastructure.elasticsearchUrl()).withFixedDelay(2500));
        List<ArticleDocument> documents = documents(3);

        BulkResult result = this.writer.write(documents);

        assertThat(result.indexed() + result.stale()).as("every article acknowledged").isEqualTo(3);
        assertThat(result.rejections()).isEmpty();
        assertThat(bulkRequests()).hasSize(2);
        assertThat(itemRetries("SocketTimeoutException")).isEqualTo(3);
        // Until the delayed first copy was answered too, so both copies have been applied or refused.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
            .until(() -> this.stub.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(BULK))
                .allMatch(event -> event.getResponse() != null && event.getResponse().getStatus() == 200));
        assertIndexedOnce(documents);
    }

    @Test
    void retriesOnlyTheItemsThatFailedForNowAndReturnsTheRefusedOne() throws IOException {
        List<ArticleDocument> documents = documents(3);
        ArticleDocument rejected = documents.get(0);
        ArticleDocument acknowledged = documents.get(1);
        ArticleDocument overloaded = documents.get(2);
        // What the stub says it indexed must really be in Elasticsearch: index it there first, directly.
        Request put = new Request("PUT", "/" + INDEX + "/_doc/" + acknowledged.id());
        put.addParameter("version", Long.toString(acknowledged.version()));
        put.addParameter("version_type", "external");
        put.setJsonEntity(new String(acknowledged.source(), java.nio.charset.StandardCharsets.UTF_8));
        this.direct.performRequest(put);
        firstBulkGets(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                BulkResponses.json(List.of(BulkResponses.mappingError(rejected.id()),
                        BulkResponses.created(acknowledged.id()), BulkResponses.tooManyRequests(overloaded.id())))));

        BulkResult result = this.writer.write(documents);

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.articleId()).isEqualTo(rejected.id());
            assertThat(rejection.errorType()).isEqualTo("document_parsing_exception");
        });
        List<LoggedRequest> bulks = bulkRequests();
        assertThat(bulks).hasSize(2);
        assertThat(bulks.get(1).getBodyAsString()).as("only the overloaded item is sent again")
            .contains(overloaded.id())
            .doesNotContain(acknowledged.id())
            .doesNotContain(rejected.id());
        assertThat(itemRetries("429 es_rejected_execution_exception")).isEqualTo(1);
        assertIndexedOnce(List.of(acknowledged, overloaded));
    }

    // --- helpers

    List<ArticleDocument> documents(int count) {
        List<ArticleDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(ArticleDocument.of(TestArticles.article(String.format("121-%012x", ++this.nextId),
                    TestArticles.PARSED_AT)));
        }
        return documents;
    }

    List<LoggedRequest> bulkRequests() {
        return this.stub.findAll(postRequestedFor(urlPathEqualTo(BULK)));
    }

    double itemRetries(String reason) {
        return this.meters.counter(PipelineMeters.INDEXER_BULK_ITEM_RETRIES, PipelineMeters.TAG_REASON, reason).count();
    }

    /**
     * Each document is in the index with its content, and no document of the index was ever written twice: on its one
     * shard, sequence numbers go up by one per write, so the highest is the number of documents less one.
     */
    void assertIndexedOnce(List<ArticleDocument> documents) throws IOException {
        for (ArticleDocument document : documents) {
            JsonNode stored = JSON.readTree(EntityUtils.toString(this.direct
                .performRequest(new Request("GET", "/" + INDEX + "/_doc/" + document.id())).getEntity()));
            assertThat(stored.path("found").asBoolean()).as(document.id() + " indexed").isTrue();
            assertThat(stored.path("_version").asLong()).isEqualTo(document.version());
            assertThat(stored.path("_source")).isEqualTo(JSON.readTree(document.source()));
        }
        this.direct.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));
        Request search = new Request("POST", "/" + INDEX + "/_search");
        search.setJsonEntity("{\"size\":1000,\"seq_no_primary_term\":true,\"_source\":false}");
        JsonNode hits = JSON.readTree(EntityUtils.toString(this.direct.performRequest(search).getEntity()))
            .path("hits").path("hits");
        long highest = -1;
        for (JsonNode hit : hits) {
            highest = Math.max(highest, hit.path("_seq_no").asLong());
        }
        assertThat(highest).as("highest sequence number of " + hits.size() + " documents: none written twice")
            .isEqualTo(hits.size() - 1L);
    }
}
