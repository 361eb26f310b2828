package parkworld.pipeline.indexer.bulk;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.Set;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchFailures;

/** What one item of a bulk response means for the article it carried. */
enum ItemOutcome {

    /** Indexed (created or replaced). */
    INDEXED,
    /** The index already holds the same article from a later parse: this one is stale and is dropped. */
    STALE,
    /** Elasticsearch refused the document itself (mapping or parse error): retrying cannot help, dead-letter it. */
    REJECTED,
    /** The index or alias does not exist: set it up again, then retry. */
    INDEX_MISSING,
    /** Not the document's fault (overload, unavailable shards, blocks, server errors): retry the batch. */
    RETRY;

    /** 400 errors that describe the index's state, not the document. */
    private static final Set<String> TRANSIENT_BAD_REQUESTS = Set.of("index_closed_exception",
            "cluster_block_exception");

    /**
     * @param item one item of a bulk response
     * @return what it means
     */
    static ItemOutcome of(BulkResponseItem item) {
        int status = item.status();
        String type = item.error() != null ? item.error().type() : null;
        if (status >= 200 && status < 300 && item.error() == null) {
            return INDEXED;
        }
        if (status == 409 && "version_conflict_engine_exception".equals(type)) {
            return STALE;
        }
        if (status == 404 && "index_not_found_exception".equals(type)) {
            return INDEX_MISSING;
        }
        if (ElasticsearchFailures.isRetryableStatus(status) || TRANSIENT_BAD_REQUESTS.contains(type)) {
            return RETRY;
        }
        if (status >= 400 && status < 500) {
            return REJECTED;
        }
        return RETRY;
    }
}
