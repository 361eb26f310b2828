package parkworld.pipeline.indexer.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.mapping.IndexReadiness;
import parkworld.pipeline.indexer.reparse.IssueReplacement;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher;
import parkworld.pipeline.messaging.DeadLetterPublisher.DeadLetterPublishException;
import parkworld.pipeline.messaging.TransientFailures;

/**
 * Handles one batch of records from the issues-parsed topic: each valid {@code IssueParsed} removes the documents of
 * its issue that older parses wrote and it no longer contains ({@link IssueReplacement}), in record order. A record
 * that is malformed or stamped too far in the future is dead-lettered. Like the articles batch, it returns only when
 * every record is handled or dead-lettered, and throws otherwise (Elasticsearch or Kafka unavailable) so the batch is
 * handled again: replacing an issue twice is harmless.
 * <p>
 * A dead letter Kafka refuses for a reason that depends on the record ({@link TransientFailures}: too large) would be
 * refused on every retry and block the partition for good. That record is skipped instead, at once: logged at ERROR
 * with its coordinates (it stays on its topic until retention, to be re-published), counted in
 * {@code parkworld.indexer.issues.skipped} and reported by the {@code skippedRecords} health component.
 */
class IssueBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(IssueBatchHandler.class);

    private final EventDecoder<IssueParsed> decoder;
    private final ParsedAtLimit parsedAtLimit;
    private final IndexReadiness index;
    private final IssueReplacement replacement;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final SkippedRecords skipped;

    /**
     * @param decoder       decodes and validates records
     * @param parsedAtLimit refuses parses stamped too far in the future
     * @param index         sets the index up before the first search
     * @param replacement   removes what a parse superseded
     * @param deadLetters   publishes what cannot be handled
     * @param meters        where skipped records are counted
     * @param skipped       where skipped records are reported for the health endpoint
     */
    IssueBatchHandler(EventDecoder<IssueParsed> decoder, ParsedAtLimit parsedAtLimit, IndexReadiness index,
            IssueReplacement replacement, DeadLetterPublisher deadLetters, MeterRegistry meters,
            SkippedRecords skipped) {
        this.decoder = decoder;
        this.parsedAtLimit = parsedAtLimit;
        this.index = index;
        this.replacement = replacement;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.skipped = skipped;
    }

    /**
     * @param records the batch, in offset order per partition
     * @return how many documents were removed
     */
    int handle(List<ConsumedRecord> records) {
        int removed = 0;
        boolean refreshed = false;
        for (ConsumedRecord record : records) {
            IssueParsed parse;
            try {
                parse = this.decoder.decode(record.value());
            }
            catch (MalformedEventException ex) {
                publish(record, DeadLetterReason.MALFORMED_EVENT, ex.getMessage(), null);
                continue;
            }
            String refusal = this.parsedAtLimit.refusal(parse.parsedAt());
            if (refusal != null) {
                publish(record, DeadLetterReason.PARSED_AT_IN_FUTURE,
                        "issue " + parse.issue().serial() + ": " + refusal, parse.issueKey());
                continue;
            }
            this.index.ensureReady();
            if (!refreshed) {
                // Once per batch: the batch's summaries were all polled at once, so one refresh before the first
                // search shows each of them what a refresh of its own would have (see IssueReplacement.refresh).
                this.replacement.refresh();
                refreshed = true;
            }
            removed += this.replacement.replace(parse).removed();
        }
        if (!records.isEmpty()) {
            log.info("Handled issues-parsed batch: records={} removed={} sources={}", records.size(), removed,
                    ArticleBatchIndexer.sources(records));
        }
        return removed;
    }

    /** @throws DeadLetterPublishException when Kafka is unavailable: the batch is retried */
    private void publish(ConsumedRecord record, DeadLetterReason reason, String message, String key) {
        try {
            this.deadLetters.publish(record, reason, message, key);
        }
        catch (DeadLetterPublishException ex) {
            Optional<DeadLetterReason> permanent = TransientFailures.permanentReason(ex);
            if (permanent.isEmpty()) {
                throw ex;
            }
            Counter.builder(PipelineMeters.INDEXER_ISSUES_SKIPPED)
                .description("Issues-parsed records the indexer could neither apply nor dead-letter")
                .tag(PipelineMeters.TAG_REASON, permanent.get().name())
                .register(this.meters)
                .increment();
            this.skipped.record(record.coordinates(), reason + ", refused " + permanent.get());
            log.error("Skipped {} ({}, issueKey={}): Kafka refuses its dead letter for good ({}): {}. The record is "
                    + "still on its topic until retention", record.coordinates(), reason, key, permanent.get(),
                    ex.getMessage());
        }
    }
}
