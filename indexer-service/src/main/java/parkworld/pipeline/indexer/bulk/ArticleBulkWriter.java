package parkworld.pipeline.indexer.bulk;

import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchFailures;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * Indexes articles with bulk requests and accounts for every item of every response. Each article is indexed under
 * its id with external versioning ({@code version_type=external_gte}, version = {@code parsedAt} in epoch millis):
 * re-sending an event rewrites the same document, a later parse replaces it, an earlier one is refused with a version
 * conflict, which is counted as stale and otherwise ignored.
 * <p>
 * Items refused for their content come back as {@link Rejection}s for the caller to dead-letter. Anything else that
 * fails, a whole request or a single item (429, 5xx, blocks, connection refused), throws
 * {@link ElasticsearchUnavailableException} so the caller retries the whole batch: re-indexing the items that did
 * succeed is harmless, as it writes the same version again.
 * <p>
 * Documents go to the concrete, versioned index this build's mapping belongs to, not to the readers' alias: while a
 * new mapping version is rolled out the alias still points at the previous index, which must not receive documents
 * of the new shape. {@code ArticleIndexSetup} installs an index template for exactly that name, so should the index
 * be deleted while the indexer runs, the next bulk request re-creates it with the shipped mapping, not a dynamic one.
 */
public class ArticleBulkWriter {

    private static final Logger log = LoggerFactory.getLogger(ArticleBulkWriter.class);

    /** Per-document overhead of the action line and separators, for splitting by size. */
    private static final int ACTION_OVERHEAD_BYTES = 160;

    private final BulkSender sender;
    private final String target;
    private final BulkProperties limits;
    private final MeterRegistry meters;
    private final Counter indexed;
    private final Counter stale;

    /**
     * @param sender sends the requests
     * @param target the concrete, versioned index to write to ({@code parkworld.indexer.index.name})
     * @param limits how big one request may get
     * @param meters where to record counts and durations
     */
    public ArticleBulkWriter(BulkSender sender, String target, BulkProperties limits, MeterRegistry meters) {
        this.sender = sender;
        this.target = target;
        this.limits = limits;
        this.meters = meters;
        this.indexed = Counter.builder(PipelineMeters.INDEXER_ARTICLES_INDEXED)
            .description("Articles indexed into Elasticsearch")
            .register(meters);
        this.stale = Counter.builder(PipelineMeters.INDEXER_ARTICLES_STALE)
            .description("Articles ignored because the index holds a later parse of them")
            .register(meters);
    }

    /**
     * Indexes the documents, in as many requests as the limits need.
     *
     * @param documents what to index
     * @return what became of them, once Elasticsearch acknowledged every item
     * @throws IndexMissingException             when the index does not exist and Elasticsearch may not create it
     * @throws ElasticsearchUnavailableException when a request or any item failed for a reason other than its
     *                                           content; nothing is lost, the caller retries
     */
    public BulkResult write(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return BulkResult.EMPTY;
        }
        int indexedCount = 0;
        int staleCount = 0;
        List<Rejection> rejections = new ArrayList<>();
        int start = 0;
        while (start < documents.size()) {
            int end = chunkEnd(documents, start);
            BulkResult chunk = writeChunk(documents, start, end);
            indexedCount += chunk.indexed();
            staleCount += chunk.stale();
            rejections.addAll(chunk.rejections());
            start = end;
        }
        // Counted only now: a later chunk failing makes the caller retry the whole batch, earlier chunks included,
        // and counting per chunk would count those articles again on every attempt.
        this.indexed.increment(indexedCount);
        this.stale.increment(staleCount);
        return new BulkResult(indexedCount, staleCount, rejections);
    }

    private int chunkEnd(List<ArticleDocument> documents, int start) {
        long maxBytes = this.limits.maxBytes().toBytes();
        long bytes = 0;
        int end = start;
        while (end < documents.size() && end - start < this.limits.maxActions()) {
            long size = documents.get(end).source().length + ACTION_OVERHEAD_BYTES;
            if (end > start && bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end++;
        }
        return end;
    }

    private BulkResult writeChunk(List<ArticleDocument> documents, int start, int end) {
        List<ArticleDocument> chunk = documents.subList(start, end);
        BulkRequest request = request(chunk);
        Timer.Sample sample = Timer.start(this.meters);
        BulkResponse response;
        try {
            response = this.sender.send(request);
        }
        catch (IOException | RuntimeException ex) {
            sample.stop(timer("failed"));
            throw new ElasticsearchUnavailableException("bulk request of " + chunk.size() + " articles to "
                    + this.target + " failed: " + ElasticsearchFailures.describe(ex), ex);
        }
        List<BulkResponseItem> items = response.items();
        if (items.size() != chunk.size()) {
            sample.stop(timer("failed"));
            throw new ElasticsearchUnavailableException("bulk response to " + this.target + " has " + items.size()
                    + " items for " + chunk.size() + " articles");
        }
        int indexedCount = 0;
        int staleCount = 0;
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> retryReasons = new LinkedHashMap<>();
        boolean indexMissing = false;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ArticleDocument document = chunk.get(i);
            switch (ItemOutcome.of(item)) {
                case INDEXED -> indexedCount++;
                case STALE -> {
                    staleCount++;
                    log.debug("Stale article ignored: articleId={} issueSerial={} version={}", document.id(),
                            document.issueSerial(), document.version());
                }
                case REJECTED -> rejections.add(new Rejection(start + i, document.id(), item.status(),
                        item.error().type(), item.error().reason()));
                case INDEX_MISSING -> {
                    indexMissing = true;
                    retryReasons.merge(describe(item), 1, Integer::sum);
                }
                case RETRY -> retryReasons.merge(describe(item), 1, Integer::sum);
            }
        }
        if (!retryReasons.isEmpty()) {
            sample.stop(timer("retryable_items"));
            String message = retryReasons.values().stream().mapToInt(Integer::intValue).sum() + " of " + chunk.size()
                    + " articles could not be indexed into " + this.target + " for now: " + retryReasons;
            throw indexMissing ? new IndexMissingException(message) : new ElasticsearchUnavailableException(message);
        }
        sample.stop(timer("success"));
        return new BulkResult(indexedCount, staleCount, rejections);
    }

    private BulkRequest request(List<ArticleDocument> chunk) {
        List<BulkOperation> operations = new ArrayList<>(chunk.size());
        for (ArticleDocument document : chunk) {
            operations.add(BulkOperation.of(op -> op.index(index -> index.id(document.id())
                .version(document.version())
                .versionType(VersionType.ExternalGte)
                .document(BinaryData.of(document.source(), ContentType.APPLICATION_JSON)))));
        }
        return BulkRequest.of(bulk -> bulk.index(this.target)
            .timeout(Time.of(t -> t.time(this.limits.timeout().toMillis() + "ms")))
            .operations(operations));
    }

    private Timer timer(String outcome) {
        // outcome: success, retryable_items or failed
        return Timer.builder(PipelineMeters.INDEXER_BULK_DURATION)
            .description("Duration of Elasticsearch bulk requests")
            .tag(PipelineMeters.TAG_OUTCOME, outcome)
            .register(this.meters);
    }

    private static String describe(BulkResponseItem item) {
        return item.error() == null ? String.valueOf(item.status()) : item.status() + " " + item.error().type();
    }
}
