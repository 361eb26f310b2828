package parkworld.pipeline.indexer.mapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * Sets up the index once the context is built and before the Kafka bindings start. A refused definition stops the
 * application; an unreachable cluster does not (the readiness probe reports it, and the first batch sets the index up
 * once Elasticsearch answers).
 */
class IndexSetupOnStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexSetupOnStartup.class);

    private final ArticleIndexSetup setup;

    IndexSetupOnStartup(ArticleIndexSetup setup) {
        this.setup = setup;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            this.setup.ensureReady();
        }
        catch (ElasticsearchUnavailableException ex) {
            log.warn("Elasticsearch is not available at startup, index {} will be set up before the first batch: {}",
                    this.setup.indexName(), ex.getMessage());
        }
    }
}
