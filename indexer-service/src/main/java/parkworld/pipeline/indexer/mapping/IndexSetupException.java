package parkworld.pipeline.indexer.mapping;

/** Elasticsearch refused the index definition or the alias: a configuration or mapping problem, not an outage. */
public class IndexSetupException extends RuntimeException {

    public IndexSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
