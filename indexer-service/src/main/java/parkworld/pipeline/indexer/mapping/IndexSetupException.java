package parkworld.pipeline.indexer.mapping;

/** Elasticsearch refused the index definition or the alias: a configuration or mapping problem, not an outage. */
class IndexSetupException extends RuntimeException {

    IndexSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
