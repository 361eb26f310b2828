package parkworld.pipeline.indexer.bulk;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;

/** Sends a bulk request: {@code ElasticsearchClient::bulk} in production, a fake answering canned responses in tests. */
@FunctionalInterface
public interface BulkSender {

    /**
     * @param request the request
     * @return Elasticsearch's response with one item per operation, in order
     * @throws IOException when the request or its response could not be transferred
     */
    BulkResponse send(BulkRequest request) throws IOException;
}
