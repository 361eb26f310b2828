package parkworld.pipeline.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Index setup against a real Elasticsearch, as two instances of different mapping versions would run it during a
 * rollout. Index, template and alias names are unique to each run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleIndexSetupIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALIAS = "it-" + RUN + "-setup-articles";
    static final String INDEX = ALIAS + "-v2";
    static final String NEXT_INDEX = ALIAS + "-v3";
    static final JsonMapper JSON = JsonMapper.builder().build();

    RestClient elasticsearch;

    ElasticsearchClient client;

    @BeforeAll
    void connect() {
        this.elasticsearch = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
        this.client = new ElasticsearchClient(new RestClientTransport(this.elasticsearch, new Jackson3JsonpMapper()));
    }

    @AfterAll
    void cleanUp() throws IOException {
        this.elasticsearch.performRequest(new Request("DELETE", "/" + INDEX + "," + NEXT_INDEX
                + "?ignore_unavailable=true"));
        for (String template : new String[] { INDEX, NEXT_INDEX }) {
            Request delete = new Request("DELETE", "/_index_template/" + template);
            delete.addParameter("ignore", "404");
            this.elasticsearch.performRequest(delete);
        }
        this.elasticsearch.close();
    }

    @Test
    void leavesAnExistingAliasPointingAtAnotherIndexWhereItIs() throws IOException {
        new ArticleIndexSetup(this.client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), INDEX, ALIAS).ensureReady();

        // An instance of the next mapping version starting while readers still use this one.
        new ArticleIndexSetup(this.client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), NEXT_INDEX, ALIAS).ensureReady();

        assertThat(get("/_alias/" + ALIAS).propertyNames()).as("indices the alias points at").containsExactly(INDEX);
        assertThat(get("/" + NEXT_INDEX + "/_mapping").path(NEXT_INDEX).path("mappings").path("dynamic").asString())
            .as("the new version's index is created all the same")
            .isEqualTo("strict");
    }

    @Test
    void reCreatesADeletedIndexWithTheShippedMappingWhenWrittenTo() throws IOException {
        new ArticleIndexSetup(this.client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), NEXT_INDEX, ALIAS).ensureReady();
        this.elasticsearch.performRequest(new Request("DELETE", "/" + NEXT_INDEX));

        Request write = new Request("PUT", "/" + NEXT_INDEX + "/_doc/121-000000000001");
        write.setJsonEntity("{\"articleId\":\"121-000000000001\"}");
        this.elasticsearch.performRequest(write);

        assertThat(get("/" + NEXT_INDEX + "/_mapping").path(NEXT_INDEX).path("mappings").path("dynamic").asString())
            .as("auto-created from the template, not with a dynamic mapping")
            .isEqualTo("strict");
    }

    JsonNode get(String path) throws IOException {
        return JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(new Request("GET", path)).getEntity()));
    }
}
