package parkworld.pipeline.indexer.bulk;

/**
 * An article Elasticsearch refused for its content.
 *
 * @param position  its position in the list given to {@link ArticleBulkWriter#write}
 * @param articleId the article
 * @param status    the item's HTTP status, e.g. 400
 * @param errorType Elasticsearch's error type, e.g. {@code document_parsing_exception}
 * @param reason    Elasticsearch's explanation
 */
public record Rejection(int position, String articleId, int status, String errorType, String reason) {

    /** @return one line for logs and dead-letter headers */
    public String describe() {
        return this.status + " " + this.errorType + ": " + this.reason;
    }
}
