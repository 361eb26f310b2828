package parkworld.pipeline.indexer.messaging;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.indexer.mapping.IndexReadiness;
import parkworld.pipeline.indexer.reparse.IssueReplacement;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher;

/**
 * Handles one batch of records from the issues-parsed topic: each valid {@code IssueParsed} removes the documents of
 * its issue that older parses wrote and it no longer contains ({@link IssueReplacement}), in record order. A record
 * that is malformed or stamped too far in the future is dead-lettered. Like the articles batch, it returns only when
 * every record is handled or dead-lettered, and throws otherwise (Elasticsearch or Kafka unavailable) so the batch is
 * handled again: replacing an issue twice is harmless.
 */
class IssueBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(IssueBatchHandler.class);

    private final EventDecoder<IssueParsed> decoder;
    private final ParsedAtLimit parsedAtLimit;
    private final IndexReadiness index;
    private final IssueReplacement replacement;
    private final DeadLetterPublisher deadLetters;

    /**
     * @param decoder       decodes and validates records
     * @param parsedAtLimit refuses parses stamped too far in the future
     * @param index         sets the index up before the first search
     * @param replacement   removes what a parse superseded
     * @param deadLetters   publishes what cannot be handled
     */
    IssueBatchHandler(EventDecoder<IssueParsed> decoder, ParsedAtLimit parsedAtLimit, IndexReadiness index,
            IssueReplacement replacement, DeadLetterPublisher deadLetters) {
        this.decoder = decoder;
        this.parsedAtLimit = parsedAtLimit;
        this.index = index;
        this.replacement = replacement;
        this.deadLetters = deadLetters;
    }

    /**
     * @param records the batch, in offset order per partition
     * @return how many documents were removed
     */
    int handle(List<ConsumedRecord> records) {
        int removed = 0;
        for (ConsumedRecord record : records) {
            IssueParsed parse;
            try {
                parse = this.decoder.decode(record.value());
            }
            catch (MalformedEventException ex) {
                this.deadLetters.publish(record, DeadLetterReason.MALFORMED_EVENT, ex.getMessage(), null);
                continue;
            }
            String refusal = this.parsedAtLimit.refusal(parse.parsedAt());
            if (refusal != null) {
                this.deadLetters.publish(record, DeadLetterReason.PARSED_AT_IN_FUTURE,
                        "issue " + parse.issue().serial() + ": " + refusal, parse.issueKey());
                continue;
            }
            this.index.ensureReady();
            removed += this.replacement.replace(parse).removed();
        }
        if (!records.isEmpty()) {
            log.info("Handled issues-parsed batch: records={} removed={} sources={}", records.size(), removed,
                    ArticleBatchIndexer.sources(records));
        }
        return removed;
    }
}
