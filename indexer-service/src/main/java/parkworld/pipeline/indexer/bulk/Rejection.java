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

    /**
     * Elasticsearch's parse errors may end with a preview of the offending value; a dead letter describes the record
     * without quoting it (the value is in the record).
     */
    private static final java.util.regex.Pattern VALUE_PREVIEW = java.util.regex.Pattern
        .compile("\\s*Preview of field's value:.*$", java.util.regex.Pattern.DOTALL);

    /** @return one line for logs and dead-letter headers, without any quoted field value */
    public String describe() {
        String why = this.reason == null ? "" : VALUE_PREVIEW.matcher(this.reason).replaceFirst("");
        return this.status + " " + this.errorType + ": " + why;
    }
}
