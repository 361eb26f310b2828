package parkworld.pipeline.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchFailures;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * Makes sure the versioned articles index exists with the shipped mapping, and creates the readers' alias pointing at
 * it when there is no alias yet. An alias that already exists is never moved: when it points at another index (a new
 * mapping version is being rolled out, or an old instance restarts during a rolling deploy) readers keep what they
 * see and a WARN says so; the alias is moved by the operator once the new index is reindexed. The indexer itself
 * writes to the concrete index, never through the alias (see {@code ArticleBulkWriter}).
 * <p>
 * Also installs an index template matching exactly the index name, so an index deleted while the indexer runs is
 * re-created by the next bulk request with the shipped mapping rather than a dynamic one.
 * <p>
 * Idempotent: safe to run at every start and by several instances at once. Once it has succeeded it is not repeated
 * until {@link #invalidate()} says the index went missing.
 */
class ArticleIndexSetup implements IndexReadiness {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexSetup.class);

    /** Above the built-in templates (at most 500 in Elasticsearch 8) so no broader pattern wins over ours. */
    static final int TEMPLATE_PRIORITY = 1000;

    private final ElasticsearchClient client;
    private final ArticleIndexMapping mapping;
    private final String indexName;
    private final String alias;
    private volatile boolean ready;

    /**
     * @param client    the client
     * @param mapping   the index definition
     * @param indexName the concrete, versioned index, e.g. {@code parkworld-articles-v2}
     * @param alias     the alias readers use, e.g. {@code parkworld-articles}; created pointing at {@code indexName}
     *                  only when it does not exist
     */
    ArticleIndexSetup(ElasticsearchClient client, ArticleIndexMapping mapping, String indexName, String alias) {
        this.client = client;
        this.mapping = mapping;
        this.indexName = indexName;
        this.alias = alias;
    }

    /** @return the alias readers use */
    String alias() {
        return this.alias;
    }

    /** @return the concrete index documents are written to */
    String indexName() {
        return this.indexName;
    }

    /**
     * Creates the index, its template and (when missing) the alias unless an earlier call already did.
     *
     * @throws ElasticsearchUnavailableException when the cluster cannot be reached or is not healthy enough; try
     *                                           again later
     * @throws IndexSetupException               when the cluster refuses the definition; retrying will not help
     */
    @Override
    public void ensureReady() {
        if (this.ready) {
            return;
        }
        synchronized (this) {
            if (this.ready) {
                return;
            }
            try {
                putIndexTemplate();
                createOrUpdateIndex();
                createAliasIfMissing();
            }
            catch (IOException | ElasticsearchException ex) {
                if (ElasticsearchFailures.isRetryable(ex)) {
                    throw new ElasticsearchUnavailableException("cannot set up index " + this.indexName + ": "
                            + ElasticsearchFailures.describe(ex), ex);
                }
                throw new IndexSetupException("Elasticsearch refused index " + this.indexName + " from "
                        + this.mapping.resource() + " or alias " + this.alias + ": "
                        + ElasticsearchFailures.describe(ex), ex);
            }
            this.ready = true;
        }
    }

    /** Forgets that the index was set up, so the next {@link #ensureReady()} checks it again. */
    @Override
    public void invalidate() {
        this.ready = false;
    }

    private void createOrUpdateIndex() throws IOException {
        boolean exists = this.client.indices().exists(e -> e.index(this.indexName)).value();
        if (!exists) {
            try {
                this.client.indices().create(c -> c.index(this.indexName).withJson(this.mapping.createIndexBody()));
                log.info("Created index {} from {}", this.indexName, this.mapping.resource());
                return;
            }
            catch (ElasticsearchException ex) {
                if (ex.error() == null || !"resource_already_exists_exception".equals(ex.error().type())) {
                    throw ex;
                }
                // Another instance created it between our check and our request: apply the mapping as below.
            }
        }
        // Adds fields introduced since the index was created; fails if an existing field would change type.
        this.client.indices().putMapping(p -> p.index(this.indexName).withJson(this.mapping.putMappingBody()));
        log.info("Index {} exists; mapping from {} applied", this.indexName, this.mapping.resource());
    }

    private void putIndexTemplate() throws IOException {
        this.client.indices().putIndexTemplate(p -> p.name(this.indexName)
            .withJson(this.mapping.indexTemplateBody(this.indexName, TEMPLATE_PRIORITY)));
    }

    private void createAliasIfMissing() throws IOException {
        if (!this.client.indices().existsAlias(e -> e.name(this.alias)).value()) {
            // Two instances starting at once may both add it: adding the same alias to the same index is a no-op.
            this.client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(this.indexName)
                .alias(this.alias))));
            log.info("Created alias {} pointing at {}", this.alias, this.indexName);
            return;
        }
        List<String> holders = List.copyOf(this.client.indices().getAlias(g -> g.name(this.alias)).result().keySet());
        if (holders.contains(this.indexName)) {
            log.info("Alias {} points at {}", this.alias, holders);
            return;
        }
        // Not moved: readers would lose every article not yet reindexed into this index, and an old instance
        // restarting during a rolling deploy would move it back.
        log.warn("Alias {} points at {}, not at {} which this indexer writes to; leaving it as it is. "
                + "Move it once {} holds every article (reindex)", this.alias, holders, this.indexName,
                this.indexName);
    }
}
