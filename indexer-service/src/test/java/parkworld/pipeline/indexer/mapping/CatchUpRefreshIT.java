package parkworld.pipeline.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relaxed refresh of a catch-up against a real Elasticsearch: the index's setting while catching up, after it,
 * and after a restart of an instance that stopped while relaxed. Index and template names are unique to each run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatchUpRefreshIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALIAS = "it-" + RUN + "-catch-up-articles";
    static final String INDEX = ALIAS + "-v2";
    static final JsonMapper JSON = JsonMapper.builder().build();

    RestClient elasticsearch;

    ArticleIndexSetup setup;

    IndexRefreshSettings settings;

    @BeforeAll
    void connect() {
        this.elasticsearch = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(this.elasticsearch,
                new Jackson3JsonpMapper()));
        this.setup = new ArticleIndexSetup(client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), INDEX, ALIAS);
        this.setup.ensureReady();
        this.settings = new IndexRefreshSettings(this.elasticsearch, INDEX);
    }

    @AfterAll
    void cleanUp() throws IOException {
        this.elasticsearch.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
        Request template = new Request("DELETE", "/_index_template/" + INDEX);
        template.addParameter("ignore", "404");
        this.elasticsearch.performRequest(template);
        this.elasticsearch.close();
    }

    @Test
    void articlesIndexedWhileCatchingUpBecomeSearchableAsSoonAsTheIndexerIsIdle() throws IOException {
        CatchUpRefresh catchUp = new CatchUpRefresh(this.settings, 2, Duration.ofSeconds(30));
        catchUp.indexed(2);
        assertThat(this.settings.currentRefreshInterval()).as("while catching up").isEqualTo("30000ms");

        index("121-00000000000a");
        assertThat(count()).as("not refreshed yet: the refresh is relaxed").isZero();

        catchUp.idle();
        assertThat(this.settings.currentRefreshInterval()).as("caught up: the shipped setting (none)").isNull();
        assertThat(count()).as("refreshed once idle").isEqualTo(1);
    }

    @Test
    void aStartRestoresTheRefreshAnInstanceLeftRelaxed() {
        this.settings.refreshInterval(Duration.ofSeconds(30));

        new IndexSetupOnStartup(this.setup, this.settings).afterSingletonsInstantiated();

        assertThat(this.settings.currentRefreshInterval()).isNull();
    }

    void index(String articleId) throws IOException {
        Request write = new Request("PUT", "/" + INDEX + "/_doc/" + articleId);
        write.setJsonEntity("{\"articleId\":\"" + articleId + "\",\"title\":\"园区招商\"}");
        this.elasticsearch.performRequest(write);
    }

    long count() throws IOException {
        Request count = new Request("GET", "/" + INDEX + "/_count");
        return JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(count).getEntity()))
            .path("count").asLong();
    }
}
