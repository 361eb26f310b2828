package parkworld.pipeline.indexer.messaging;

import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.messaging.ConsumedRecord;

/**
 * A record of a batch the indexer gives up on.
 *
 * @param record    the record as consumed, dead-lettered byte for byte
 * @param reason    why, as a code
 * @param message   why, in words that describe the record without quoting it
 * @param articleId the article, when the record could be decoded; null otherwise
 */
record DeadLetter(ConsumedRecord record, DeadLetterReason reason, String message, String articleId) {
}
