package parkworld.pipeline.indexer.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.bulk.ArticleDocument;
import parkworld.pipeline.indexer.bulk.BulkResult;
import parkworld.pipeline.indexer.bulk.IndexMissingException;
import parkworld.pipeline.indexer.bulk.Rejection;
import parkworld.pipeline.indexer.mapping.IndexReadiness;

/**
 * Handles one batch of records from the articles topic: decodes each, indexes the valid ones in bulk, then publishes
 * the records it gives up on (malformed, or refused by Elasticsearch for their content) to the dead-letter topic.
 * <p>
 * It returns only when every record is either acknowledged by Elasticsearch or by the dead-letter topic; otherwise it
 * throws and the whole batch is handled again (the caller must not commit offsets then). Dead letters are published
 * after the bulk succeeded, so an Elasticsearch outage does not publish them again with every retry; a retry after a
 * failed dead-letter publish re-indexes the batch, which is harmless (same id, same version).
 */
public class ArticleBatchIndexer {

    private static final Logger log = LoggerFactory.getLogger(ArticleBatchIndexer.class);

    private final ArticleDecoder decoder;
    private final IndexReadiness index;
    private final ArticleBulkWriter writer;
    private final DeadLetterPublisher deadLetters;

    /**
     * @param decoder     decodes and validates records
     * @param index       sets the index up before the first write and after it went missing
     * @param writer      writes to Elasticsearch
     * @param deadLetters publishes what cannot be indexed
     */
    public ArticleBatchIndexer(ArticleDecoder decoder, IndexReadiness index, ArticleBulkWriter writer,
            DeadLetterPublisher deadLetters) {
        this.decoder = decoder;
        this.index = index;
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    /**
     * @param records the batch, in offset order per partition
     * @return what became of the records
     * @throws RuntimeException when the batch must be retried: Elasticsearch or Kafka unavailable
     */
    public BatchSummary index(List<IncomingRecord> records) {
        long started = System.nanoTime();
        List<IncomingRecord> valid = new ArrayList<>(records.size());
        List<ArticleDocument> documents = new ArrayList<>(records.size());
        List<DeadLetter> rejected = new ArrayList<>();
        for (IncomingRecord record : records) {
            try {
                ArticleExtracted article = this.decoder.decode(record.payload());
                valid.add(record);
                documents.add(ArticleDocument.of(article));
            }
            catch (MalformedEventException ex) {
                rejected.add(new DeadLetter(record, DeadLetterReason.MALFORMED_EVENT, ex.getMessage(), null));
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
            rejected.add(new DeadLetter(valid.get(rejection.position()), DeadLetterReason.INDEX_REJECTED,
                    "Elasticsearch refused article " + rejection.articleId() + ": " + rejection.describe(),
                    rejection.articleId()));
        }
        this.deadLetters.publish(rejected);
        BatchSummary summary = new BatchSummary(records.size(), result.indexed(), result.stale(), rejected.size());
        if (!records.isEmpty()) {
            log.info("Indexed batch: records={} indexed={} stale={} deadLetters={} issueSerials={} sources={} tookMs={}",
                    summary.records(), summary.indexed(), summary.stale(), summary.deadLetters(), issues(documents),
                    sources(records), (System.nanoTime() - started) / 1_000_000);
        }
        return summary;
    }

    private static TreeSet<Integer> issues(List<ArticleDocument> documents) {
        TreeSet<Integer> serials = new TreeSet<>();
        documents.forEach(document -> serials.add(document.issueSerial()));
        return serials;
    }

    /** @return e.g. {@code {parkworld.articles-0=120..157}}: where the batch was read from */
    static Map<String, String> sources(List<IncomingRecord> records) {
        Map<String, long[]> ranges = new TreeMap<>();
        for (IncomingRecord record : records) {
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
