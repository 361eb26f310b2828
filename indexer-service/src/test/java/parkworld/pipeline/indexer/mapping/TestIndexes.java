package parkworld.pipeline.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/** Sets up an index as the indexer does, for tests of other packages. */
public final class TestIndexes {

    private TestIndexes() {
    }

    /**
     * @param client the client
     * @param index  the versioned index to create with the shipped mapping and the default text analysis
     * @param alias  the alias readers use
     */
    public static void createWithShippedMapping(ElasticsearchClient client, String index, String alias) {
        new ArticleIndexSetup(client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), index, alias).ensureReady();
    }
}
