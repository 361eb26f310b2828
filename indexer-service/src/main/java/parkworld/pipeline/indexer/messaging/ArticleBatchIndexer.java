package parkworld.pipeline.indexer.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.bulk.ArticleDocument;
import parkworld.pipeline.indexer.bulk.BulkResult;
import parkworld.pipeline.indexer.bulk.IndexMissingException;
import parkworld.pipeline.indexer.bulk.Rejection;
import parkworld.pipeline.indexer.mapping.IndexReadiness;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher;
import parkworld.pipeline.messaging.DeadLetterPublisher.DeadLetterPublishException;
import parkworld.pipeline.messaging.TransientFailures;

/**
 * Handles one batch of records from the articles topic: decodes each, indexes the valid ones in bulk, then publishes
 * the records it gives up on (malformed, stamped too far in the future, or refused by Elasticsearch for their
 * content) to the dead-letter topic.
 * <p>
 * It returns only when every record is either acknowledged by Elasticsearch or by the dead-letter topic; otherwise it
 * throws and the whole batch is handled again (the caller must not commit offsets then). Dead letters are published
 * after the bulk succeeded, so an Elasticsearch outage does not publish them again with every retry; a retry after a
 * failed dead-letter publish re-indexes the batch, which is harmless (same id, same version).
 * <p>
 * A dead letter Kafka refuses for a reason that depends on the record ({@link TransientFailures}: too large,
 * unserialisable) would be refused on every retry and block the partition for good, so that record is skipped
 * instead: logged at ERROR with its coordinates (it stays readable on the articles topic until retention) and
 * counted in {@value #SKIPPED_METER}. The dead-letter binding is configured to take any record the articles topic
 * took, so this is a last resort.
 */
class ArticleBatchIndexer {

    /** Records neither indexed nor dead-lettered, tagged {@code reason}; any value above zero needs an operator. */
    static final String SKIPPED_METER = PipelineMeters.INDEXER_ARTICLES_SKIPPED;

    private static final Logger log = LoggerFactory.getLogger(ArticleBatchIndexer.class);

    private final EventDecoder<ArticleExtracted> decoder;
    private final ParsedAtLimit parsedAtLimit;
    private final IndexReadiness index;
    private final ArticleBulkWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final SkippedRecords skipped;

    /**
     * @param decoder     decodes and validates records
     * @param parsedAtLimit refuses articles stamped too far in the future
     * @param index       sets the index up before the first write and after it went missing
     * @param writer      writes to Elasticsearch
     * @param deadLetters publishes what cannot be indexed
     * @param meters      where skipped records are counted
     * @param skipped     where skipped records are reported for the health endpoint
     */
    ArticleBatchIndexer(EventDecoder<ArticleExtracted> decoder, ParsedAtLimit parsedAtLimit, IndexReadiness index,
            ArticleBulkWriter writer, DeadLetterPublisher deadLetters, MeterRegistry meters,
            SkippedRecords skipped) {
        this.decoder = decoder;
        this.parsedAtLimit = parsedAtLimit;
        this.index = index;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.skipped = skipped;
    }

    /**
     * @param records the batch, in offset order per partition
     * @return what became of the records
     * @throws RuntimeException when the batch must be retried: Elasticsearch or Kafka unavailable
     */
    BatchSummary index(List<ConsumedRecord> records) {
        long started = System.nanoTime();
        List<Integer> positions = new ArrayList<>(records.size());
        List<ArticleDocument> documents = new ArrayList<>(records.size());
        // By position in the batch, so dead letters go out in the order the records were consumed.
        Map<Integer, DeadLetter> rejected = new TreeMap<>();
        for (int position = 0; position < records.size(); position++) {
            ConsumedRecord record = records.get(position);
            try {
                ArticleExtracted article = this.decoder.decode(record.value());
                String refusal = this.parsedAtLimit.refusal(article.parsedAt());
                if (refusal != null) {
                    rejected.put(position, new DeadLetter(record, DeadLetterReason.PARSED_AT_IN_FUTURE,
                            "article " + article.articleId() + ": " + refusal, article.articleId()));
                    continue;
                }
                positions.add(position);
                documents.add(ArticleDocument.of(article));
            }
            catch (MalformedEventException ex) {
                rejected.put(position, new DeadLetter(record, DeadLetterReason.MALFORMED_EVENT, ex.getMessage(), null));
            }
        }
        BulkResult result = BulkResult.EMPTY;
        if (!documents.isEmpty()) {
            this.index.ensureReady();
            try {
                result = this.writer.write(documents);
            }
            catch (IndexMissingException ex) {
                this.index.invalidate();
                throw ex;
            }
        }
        for (Rejection rejection : result.rejections()) {
            int position = positions.get(rejection.position());
            rejected.put(position, new DeadLetter(records.get(position), DeadLetterReason.INDEX_REJECTED,
                    "Elasticsearch refused article " + rejection.articleId() + ": " + rejection.describe(),
                    rejection.articleId()));
        }
        int skipped = 0;
        for (DeadLetter deadLetter : rejected.values()) {
            if (!publish(deadLetter)) {
                skipped++;
            }
        }
        BatchSummary summary = new BatchSummary(records.size(), result.indexed(), result.stale(),
                rejected.size() - skipped, skipped);
        if (!records.isEmpty()) {
            log.info("Indexed batch: records={} indexed={} stale={} deadLetters={} skipped={} issueSerials={} "
                    + "sources={} tookMs={}", summary.records(), summary.indexed(), summary.stale(),
                    summary.deadLetters(), summary.skipped(), issues(documents), sources(records),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return summary;
    }

    /**
     * @return true when dead-lettered, false when skipped because Kafka refuses that dead letter for good
     * @throws DeadLetterPublishException when Kafka is unavailable: the batch is retried
     */
    private boolean publish(DeadLetter deadLetter) {
        try {
            this.deadLetters.publish(deadLetter.record(), deadLetter.reason(), deadLetter.message(),
                    deadLetter.articleId());
            return true;
        }
        catch (DeadLetterPublishException ex) {
            Optional<DeadLetterReason> permanent = TransientFailures.permanentReason(ex);
            if (permanent.isEmpty()) {
                throw ex;
            }
            Counter.builder(SKIPPED_METER)
                .description("Records the indexer could neither index nor dead-letter")
                .tag("reason", permanent.get().name())
                .register(this.meters)
                .increment();
            this.skipped.record(deadLetter.record().coordinates(), deadLetter.reason() + ", refused " + permanent.get());
            log.error("Skipped {} ({}, articleId={}): Kafka refuses its dead letter for good ({}): {}. The record is "
                    + "still on its topic until retention", deadLetter.record().coordinates(), deadLetter.reason(),
                    deadLetter.articleId(), permanent.get(), ex.getMessage());
            return false;
        }
    }

    private static TreeSet<Integer> issues(List<ArticleDocument> documents) {
        TreeSet<Integer> serials = new TreeSet<>();
        documents.forEach(document -> serials.add(document.issueSerial()));
        return serials;
    }

    /** @return e.g. {@code {parkworld.articles-0=120..157}}: where the batch was read from */
    static Map<String, String> sources(List<ConsumedRecord> records) {
        Map<String, long[]> ranges = new TreeMap<>();
        for (ConsumedRecord record : records) {
            long[] range = ranges.computeIfAbsent(record.topic() + "-" + record.partition(),
                    key -> new long[] { Long.MAX_VALUE, Long.MIN_VALUE });
            range[0] = Math.min(range[0], record.offset());
            range[1] = Math.max(range[1], record.offset());
        }
        Map<String, String> described = new TreeMap<>();
        ranges.forEach((partition, range) -> described.put(partition,
                range[0] == range[1] ? Long.toString(range[0]) : range[0] + ".." + range[1]));
        return described;
    }
}
