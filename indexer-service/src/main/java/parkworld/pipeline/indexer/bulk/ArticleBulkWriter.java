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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchFailures;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * Indexes articles with bulk requests and accounts for every item of every response. Each article is indexed under
 * its id with external versioning ({@code version_type=external}, version = {@code parsedAt} in epoch millis): a later
 * parse replaces the document; the same parse sent again (a redelivered batch, or a request Elasticsearch applied
 * after the client had given up on it) and an earlier parse are refused with a version conflict, counted as stale and
 * otherwise ignored, so no document is ever written twice for one parse.
 * <p>
 * A batch is split into requests by count and bytes ({@link BulkProperties}), at most
 * {@link BulkProperties#maxInFlight()} of them in flight at once. Each item of each response is classified
 * ({@link ItemOutcome}): items refused for their content come back as {@link Rejection}s for the caller to
 * dead-letter; items refused for now (429 {@code es_rejected_execution_exception}, 429
 * {@code circuit_breaking_exception}, 5xx, blocks) and requests that failed as a whole (connection refused, read
 * timeout, a 429 or 503 response) are sent again, only what failed, after a bounded, jittered backoff, at most
 * {@code itemRetry.maxAttempts} times; then {@link ElasticsearchUnavailableException} tells the caller to retry the
 * batch later, which is harmless (what was written comes back as stale).
 * <p>
 * Documents go to the concrete, versioned index this build's mapping belongs to, not to the readers' alias: while a
 * new mapping version is rolled out the alias still points at the previous index, which must not receive documents
 * of the new shape. {@code ArticleIndexSetup} installs an index template for exactly that name, so should the index
 * be deleted while the indexer runs, the next bulk request re-creates it with the shipped mapping, not a dynamic one.
 */
public class ArticleBulkWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticleBulkWriter.class);

    /** Per-document overhead of the action line and separators, for splitting by size. */
    private static final int ACTION_OVERHEAD_BYTES = 160;

    /** Waits between attempts; {@code Thread::sleep} in production. */
    @FunctionalInterface
    public interface Pause {

        /**
         * @param duration how long
         * @throws InterruptedException when the thread is interrupted (shutdown)
         */
        void pause(Duration duration) throws InterruptedException;
    }

    private final BulkSender sender;
    private final String target;
    private final BulkProperties limits;
    private final MeterRegistry meters;
    private final ExecutorService requests;
    private final Backoff backoff;
    private final Pause pause;
    private final Counter indexed;
    private final Counter stale;

    /**
     * A writer sending one request at a time on the caller's thread, waiting with {@code Thread.sleep}.
     *
     * @param sender sends the requests
     * @param target the concrete, versioned index to write to ({@code parkworld.indexer.index.name})
     * @param limits how big one request may get and how items are retried
     * @param meters where to record counts and durations
     */
    public ArticleBulkWriter(BulkSender sender, String target, BulkProperties limits, MeterRegistry meters) {
        this(sender, target, limits, meters, null, duration -> Thread.sleep(duration.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param sender   sends the requests
     * @param target   the concrete, versioned index to write to ({@code parkworld.indexer.index.name})
     * @param limits   how big one request may get, how many are in flight, how items are retried
     * @param meters   where to record counts and durations
     * @param requests the threads requests are sent from, at most {@code maxInFlight} of them; null to send one request
     *                 at a time from the caller's thread
     * @param pause    waits between attempts
     * @param random   values in [0, 1) for the backoff's jitter
     */
    public ArticleBulkWriter(BulkSender sender, String target, BulkProperties limits, MeterRegistry meters,
            ExecutorService requests, Pause pause, java.util.function.DoubleSupplier random) {
        this.sender = sender;
        this.target = target;
        this.limits = limits;
        this.meters = meters;
        this.requests = requests;
        this.pause = pause;
        this.backoff = new Backoff(limits.itemRetry().initialBackoff(), limits.itemRetry().maxBackoff(), random);
        this.indexed = Counter.builder(PipelineMeters.INDEXER_ARTICLES_INDEXED)
            .description("Articles indexed into Elasticsearch")
            .register(meters);
        this.stale = Counter.builder(PipelineMeters.INDEXER_ARTICLES_STALE)
            .description("Articles ignored because the index holds this or a later parse of them")
            .register(meters);
    }

    /**
     * Indexes the documents, in as many requests as the limits need.
     *
     * @param documents what to index
     * @return what became of them, once Elasticsearch acknowledged every item
     * @throws IndexMissingException             when the index does not exist and Elasticsearch may not create it
     * @throws ElasticsearchUnavailableException when a request or items failed for a reason other than their content
     *                                           as often as {@code itemRetry.maxAttempts} allows; nothing is lost,
     *                                           the caller retries
     */
    public BulkResult write(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return BulkResult.EMPTY;
        }
        List<int[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < documents.size()) {
            int end = chunkEnd(documents, start);
            chunks.add(new int[] { start, end });
            start = end;
        }
        List<BulkResult> results = this.requests == null || chunks.size() == 1
                ? chunks.stream().map(range -> writeChunk(documents, range[0], range[1])).toList()
                : writeConcurrently(documents, chunks);
        int indexedCount = 0;
        int staleCount = 0;
        List<Rejection> rejections = new ArrayList<>();
        for (BulkResult chunk : results) {
            indexedCount += chunk.indexed();
            staleCount += chunk.stale();
            rejections.addAll(chunk.rejections());
        }
        rejections.sort(java.util.Comparator.comparingInt(Rejection::position));
        // Counted only now: a chunk failing makes the caller retry the whole batch, the other chunks included,
        // and counting per chunk would count those articles again on every attempt.
        this.indexed.increment(indexedCount);
        this.stale.increment(staleCount);
        return new BulkResult(indexedCount, staleCount, rejections);
    }

    /** Sends the chunks from the request threads and waits for every one, failed or not, before returning. */
    private List<BulkResult> writeConcurrently(List<ArticleDocument> documents, List<int[]> chunks) {
        List<Future<BulkResult>> futures = new ArrayList<>(chunks.size());
        for (int[] range : chunks) {
            futures.add(this.requests.submit(() -> writeChunk(documents, range[0], range[1])));
        }
        List<BulkResult> results = new ArrayList<>(chunks.size());
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<BulkResult> future : futures) {
            while (true) {
                try {
                    results.add(future.get());
                    break;
                }
                catch (InterruptedException ex) {
                    // Wait all the same: a batch is handed back only once none of its requests is in flight.
                    interrupted = true;
                }
                catch (ExecutionException ex) {
                    RuntimeException cause = ex.getCause() instanceof RuntimeException runtime ? runtime
                            : new ElasticsearchUnavailableException("bulk request failed", ex.getCause());
                    if (failure == null || cause instanceof IndexMissingException) {
                        failure = cause;
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return results;
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

    /** Writes documents [start, end), sending again what failed for now, up to the attempts allowed. */
    private BulkResult writeChunk(List<ArticleDocument> documents, int start, int end) {
        List<Integer> pending = new ArrayList<>(end - start);
        for (int position = start; position < end; position++) {
            pending.add(position);
        }
        int indexedCount = 0;
        int staleCount = 0;
        List<Rejection> rejections = new ArrayList<>();
        int maxAttempts = this.limits.itemRetry().maxAttempts();
        for (int attempt = 1;; attempt++) {
            Attempt result = attempt(documents, pending);
            indexedCount += result.indexed;
            staleCount += result.stale;
            rejections.addAll(result.rejections);
            if (result.retry.isEmpty()) {
                return new BulkResult(indexedCount, staleCount, rejections);
            }
            String message = result.retry.size() + " of " + (end - start) + " articles could not be indexed into "
                    + this.target + " (attempt " + attempt + " of " + maxAttempts + "): " + result.reasons
                    + (result.failure == null ? "" : " (" + ElasticsearchFailures.describe(result.failure) + ")");
            if (result.indexMissing) {
                throw new IndexMissingException(message);
            }
            if (attempt >= maxAttempts) {
                throw new ElasticsearchUnavailableException(message, result.failure);
            }
            result.reasons.forEach((reason, count) -> Counter.builder(PipelineMeters.INDEXER_BULK_ITEM_RETRIES)
                .description("Bulk items sent again within a batch after Elasticsearch refused them for now")
                .tag(PipelineMeters.TAG_REASON, reason)
                .register(this.meters)
                .increment(count));
            Duration wait = this.backoff.before(attempt);
            log.info("Sending {} articles again in {} ms: {}", result.retry.size(), wait.toMillis(), message);
            try {
                this.pause.pause(wait);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ElasticsearchUnavailableException(message + "; interrupted before the next attempt", ex);
            }
            pending = result.retry;
        }
    }

    /** What one request did to the articles it carried. */
    private static final class Attempt {

        int indexed;
        int stale;
        final List<Rejection> rejections = new ArrayList<>();
        final List<Integer> retry = new ArrayList<>();
        /** reason (status and error type, or the exception) -> articles */
        final Map<String, Integer> reasons = new LinkedHashMap<>();
        boolean indexMissing;
        Exception failure;
    }

    private Attempt attempt(List<ArticleDocument> documents, List<Integer> positions) {
        Attempt attempt = new Attempt();
        BulkRequest request = request(positions.stream().map(documents::get).toList());
        Timer.Sample sample = Timer.start(this.meters);
        BulkResponse response;
        try {
            response = this.sender.send(request);
        }
        catch (IOException | RuntimeException ex) {
            sample.stop(timer("failed"));
            attempt.retry.addAll(positions);
            attempt.reasons.put(ElasticsearchFailures.reasonOf(ex), positions.size());
            attempt.failure = ex;
            log.debug("Bulk request of {} articles to {} failed: {}", positions.size(), this.target,
                    ElasticsearchFailures.describe(ex));
            return attempt;
        }
        List<BulkResponseItem> items = response.items();
        if (items.size() != positions.size()) {
            sample.stop(timer("failed"));
            attempt.retry.addAll(positions);
            attempt.reasons.put("item_count_mismatch", positions.size());
            return attempt;
        }
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            int position = positions.get(i);
            ArticleDocument document = documents.get(position);
            switch (ItemOutcome.of(item)) {
                case INDEXED -> attempt.indexed++;
                case STALE -> {
                    attempt.stale++;
                    log.debug("Stale article ignored: articleId={} issueSerial={} version={}", document.id(),
                            document.issueSerial(), document.version());
                }
                case REJECTED -> attempt.rejections.add(new Rejection(position, document.id(), item.status(),
                        item.error().type(), item.error().reason()));
                case INDEX_MISSING -> {
                    attempt.indexMissing = true;
                    attempt.retry.add(position);
                    attempt.reasons.merge(describe(item), 1, Integer::sum);
                }
                case RETRY -> {
                    attempt.retry.add(position);
                    attempt.reasons.merge(describe(item), 1, Integer::sum);
                }
            }
        }
        sample.stop(timer(attempt.retry.isEmpty() ? "success" : "retryable_items"));
        return attempt;
    }

    private BulkRequest request(List<ArticleDocument> chunk) {
        List<BulkOperation> operations = new ArrayList<>(chunk.size());
        for (ArticleDocument document : chunk) {
            operations.add(BulkOperation.of(op -> op.index(index -> index.id(document.id())
                .version(document.version())
                .versionType(VersionType.External)
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

    /** Stops the request threads, if any; requests in flight finish first. */
    @Override
    public void close() {
        if (this.requests != null) {
            this.requests.shutdown();
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.error() == null ? String.valueOf(item.status()) : item.status() + " " + item.error().type();
    }
}
