package parkworld.pipeline.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification table of INDEXING.md, item by item. */
class ItemOutcomeTests {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "201, -, INDEXED",
        "200, -, INDEXED",
        "409, version_conflict_engine_exception, STALE",
        "400, document_parsing_exception, REJECTED",
        "400, mapper_parsing_exception, REJECTED",
        "400, illegal_argument_exception, REJECTED",
        "400, strict_dynamic_mapping_exception, REJECTED",
        "429, es_rejected_execution_exception, RETRY",
        "429, circuit_breaking_exception, RETRY",
        "500, internal_server_error, RETRY",
        "503, unavailable_shards_exception, RETRY",
        "503, node_not_connected_exception, RETRY",
        "408, process_cluster_event_timeout_exception, RETRY",
        "403, cluster_block_exception, RETRY",
        "400, cluster_block_exception, RETRY",
        "400, index_closed_exception, RETRY",
        "404, index_not_found_exception, INDEX_MISSING",
    })
    void classifiesEveryBulkItem(int status, String errorType, ItemOutcome expected) {
        String error = errorType == null ? "" : ",\"error\":{\"type\":\"" + errorType + "\",\"reason\":\"why\"}";
        String item = "{\"index\":{\"_index\":\"" + BulkResponses.INDEX + "\",\"_id\":\"121-000000000001\",\"status\":"
                + status + error + "}}";
        BulkResponseItem parsed = BulkResponses.of(java.util.List.of(item)).items().get(0);

        assertThat(ItemOutcome.of(parsed)).isEqualTo(expected);
    }
}
