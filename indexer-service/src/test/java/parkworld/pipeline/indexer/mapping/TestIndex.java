package parkworld.pipeline.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/** Sets up a versioned articles index with the shipped mapping for tests outside this package. */
public final class TestIndex {

    private TestIndex() {
    }

    /**
     * @param client the client
     * @param index  the versioned index; its alias is {@code index + "-alias"}
     */
    public static void create(ElasticsearchClient client, String index) {
        new ArticleIndexSetup(client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), index, index + "-alias")
            .ensureReady();
    }
}
