package parkworld.pipeline.indexer.messaging;

/** Why the indexer gave up on a record: the value of the {@code parkworld_dlq_reason} header. */
public enum DeadLetterReason {

    /** The payload is not an {@code ArticleExtracted} event: empty, not JSON, or against the schema. */
    MALFORMED_EVENT,
    /** A valid event Elasticsearch refused to index (a mapping or parse error on the document). */
    INDEX_REJECTED
}
