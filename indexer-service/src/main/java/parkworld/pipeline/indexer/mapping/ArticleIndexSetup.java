package parkworld.pipeline.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.AliasDefinition;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchFailures;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * Makes sure the versioned articles index exists with the shipped mapping and that the alias points at it (and only
 * at it, as its write index). Idempotent: safe to run at every start and by several instances at once. Once it has
 * succeeded it is not repeated until {@link #invalidate()} says the index went missing.
 */
public class ArticleIndexSetup implements IndexReadiness {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexSetup.class);

    private final ElasticsearchClient client;
    private final ArticleIndexMapping mapping;
    private final String indexName;
    private final String alias;
    private volatile boolean ready;

    /**
     * @param client    the client
     * @param mapping   the index definition
     * @param indexName the concrete, versioned index, e.g. {@code parkworld-articles-v1}
     * @param alias     the alias pointed at it, e.g. {@code parkworld-articles}
     */
    public ArticleIndexSetup(ElasticsearchClient client, ArticleIndexMapping mapping, String indexName, String alias) {
        this.client = client;
        this.mapping = mapping;
        this.indexName = indexName;
        this.alias = alias;
    }

    /** @return the alias documents are written through */
    public String alias() {
        return this.alias;
    }

    /** @return the concrete index the alias points at */
    public String indexName() {
        return this.indexName;
    }

    /**
     * Creates the index and the alias unless an earlier call already did.
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
                createOrUpdateIndex();
                pointAlias();
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

    private void pointAlias() throws IOException {
        if (aliasPointsOnlyAtIndex()) {
            log.info("Alias {} already points at {}", this.alias, this.indexName);
            return;
        }
        this.client.indices().updateAliases(u -> u
            .actions(a -> a.remove(r -> r.index("*").alias(this.alias).mustExist(false)))
            .actions(a -> a.add(add -> add.index(this.indexName).alias(this.alias).isWriteIndex(true))));
        log.info("Alias {} now points at {}", this.alias, this.indexName);
    }

    private boolean aliasPointsOnlyAtIndex() throws IOException {
        if (!this.client.indices().existsAlias(e -> e.name(this.alias)).value()) {
            return false;
        }
        GetAliasResponse response = this.client.indices().getAlias(g -> g.name(this.alias));
        Map<String, IndexAliases> holders = response.result();
        if (!holders.keySet().equals(Set.of(this.indexName))) {
            log.info("Alias {} points at {}; moving it to {}", this.alias, List.copyOf(holders.keySet()),
                    this.indexName);
            return false;
        }
        AliasDefinition definition = holders.get(this.indexName).aliases().get(this.alias);
        return definition != null && !Boolean.FALSE.equals(definition.isWriteIndex());
    }
}
