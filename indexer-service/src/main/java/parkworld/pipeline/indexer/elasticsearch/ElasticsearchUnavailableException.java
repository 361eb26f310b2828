package parkworld.pipeline.indexer.elasticsearch;

/**
 * Elasticsearch could not do what was asked for a reason that is not the data's fault: the cluster is unreachable,
 * overloaded (429), failing (5xx) or blocks writes. Whatever caused it should be retried later, unchanged.
 */
public class ElasticsearchUnavailableException extends RuntimeException {

    public ElasticsearchUnavailableException(String message) {
        super(message);
    }

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
