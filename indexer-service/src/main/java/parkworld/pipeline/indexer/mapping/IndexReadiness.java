package parkworld.pipeline.indexer.mapping;

/** Whether the index articles are written to is set up; {@link ArticleIndexSetup} in production. */
public interface IndexReadiness {

    /**
     * Sets the index up unless that was already done.
     *
     * @throws parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException when Elasticsearch cannot be
     *                                                                                    reached; try again later
     * @throws IndexSetupException when Elasticsearch refuses the definition
     */
    void ensureReady();

    /** Forgets the index was set up: it went missing. */
    void invalidate();
}
