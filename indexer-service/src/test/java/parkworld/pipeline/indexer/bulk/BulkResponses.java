package parkworld.pipeline.indexer.bulk;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.StringReader;
import java.util.List;

/** Bulk responses as Elasticsearch 8 writes them, parsed by the client, for feeding a fake {@link BulkSender}. */
final class BulkResponses {

    static final String INDEX = "parkworld-articles-v2";

    private BulkResponses() {
    }

    static BulkResponse of(List<String> items) {
        String json = json(items);
        return BulkResponse.of(b -> b.withJson(new StringReader(json)));
    }

    /** @return the response body Elasticsearch would send */
    static String json(List<String> items) {
        boolean errors = items.stream().anyMatch(item -> item.contains("\"error\""));
        return "{\"took\":7,\"errors\":" + errors + ",\"items\":[" + String.join(",", items) + "]}";
    }

    static String created(String id) {
        return "{\"index\":{\"_index\":\"" + INDEX + "\",\"_id\":\"" + id + "\",\"_version\":1685433600000,"
                + "\"result\":\"created\",\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":0,"
                + "\"_primary_term\":1,\"status\":201}}";
    }

    static String mappingError(String id) {
        return error(id, 400, "document_parsing_exception", "[1:310] failed to parse field [page] of type [integer] in "
                + "document with id '" + id + "'. Preview of field's value: 'eins'");
    }

    static String versionConflict(String id) {
        return error(id, 409, "version_conflict_engine_exception", "[" + id + "]: version conflict, current version "
                + "[1685433600000] is higher than or equal to the one provided [1685430000000]");
    }

    static String tooManyRequests(String id) {
        return error(id, 429, "es_rejected_execution_exception", "rejected execution of coordinating operation");
    }

    static String circuitBreaking(String id) {
        return error(id, 429, "circuit_breaking_exception", "[parent] Data too large, data for [indices:data/write/bulk[s]]"
                + " would be [536870912/512mb], which is larger than the limit of [510027366/486.3mb]");
    }

    static String serviceUnavailable(String id) {
        return error(id, 503, "unavailable_shards_exception", "[" + INDEX + "][0] primary shard is not active");
    }

    static String writeBlocked(String id) {
        return error(id, 403, "cluster_block_exception",
                "index [" + INDEX + "] blocked by: [FORBIDDEN/8/index write (api)];");
    }

    static String aliasMissing(String id) {
        return "{\"index\":{\"_index\":\"parkworld-articles\",\"_id\":\"" + id + "\",\"status\":404,\"error\":{"
                + "\"type\":\"index_not_found_exception\",\"reason\":\"no such index [parkworld-articles] and "
                + "[require_alias] request flag is [true] and [parkworld-articles] is not an alias\","
                + "\"index\":\"parkworld-articles\"}}}";
    }

    private static String error(String id, int status, String type, String reason) {
        return "{\"index\":{\"_index\":\"" + INDEX + "\",\"_id\":\"" + id + "\",\"status\":" + status
                + ",\"error\":{\"type\":\"" + type + "\",\"reason\":\"" + reason.replace("\"", "\\\"") + "\"}}}";
    }
}
