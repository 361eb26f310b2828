package parkworld.pipeline.indexer.messaging;

/**
 * A record the indexer gives up on.
 *
 * @param record    the record, published again byte for byte
 * @param reason    why, as a code
 * @param message   why, in one line
 * @param articleId the article, when the record could be decoded; null otherwise
 */
public record DeadLetter(IncomingRecord record, DeadLetterReason reason, String message, String articleId) {
}
