package parkworld.pipeline.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import co.elastic.clients.util.BinaryData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.indexer.document.SearchDocument;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

class ArticleBulkWriterTests {

    /** Items sent once only: these tests look at one attempt; the retry tests below at several. */
    static final BulkProperties.ItemRetry ONE_ATTEMPT = new BulkProperties.ItemRetry(1, Duration.ofMillis(100),
            Duration.ofSeconds(2));
    static final BulkProperties LIMITS = BulkProperties.defaults().withItemRetry(ONE_ATTEMPT);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<BulkRequest> requests = new ArrayList<>();

    ArticleBulkWriter writer(Function<List<String>, List<String>> items) {
        return writer(LIMITS, items);
    }

    /** A writer whose fake Elasticsearch answers each request with {@code items(ids of the request)}. */
    ArticleBulkWriter writer(BulkProperties limits, Function<List<String>, List<String>> items) {
        BulkSender sender = request -> {
            this.requests.add(request);
            List<String> ids = request.operations().stream().map(op -> op.index().id()).toList();
            return BulkResponses.of(items.apply(ids));
        };
        return new ArticleBulkWriter(sender, BulkResponses.INDEX, limits, this.meters);
    }

    static List<ArticleDocument> documents(String... ids) {
        List<ArticleDocument> documents = new ArrayList<>();
        for (String id : ids) {
            documents.add(ArticleDocument.of(TestArticles.article(id, TestArticles.PARSED_AT)));
        }
        return documents;
    }

    @Test
    void indexesEveryArticleUnderItsIdWithParsedAtAsExternalVersion() throws IOException {
        ArticleBulkWriter writer = writer(ids -> ids.stream().map(BulkResponses::created).toList());

        BulkResult result = writer.write(documents("121-0a1b2c3d4e5f", "121-0a1b2c3d4e60"));

        assertThat(result).isEqualTo(new BulkResult(2, 0, List.of()));
        assertThat(this.requests).as("one bulk request for a small batch").hasSize(1);
        BulkRequest request = this.requests.get(0);
        assertThat(request.index())
            .as("writes go to the versioned index, not the alias, which may still point at an older version")
            .isEqualTo("parkworld-articles-v2");
        IndexOperation<?> first = request.operations().get(0).index();
        assertThat(first.id()).isEqualTo("121-0a1b2c3d4e5f");
        assertThat(first.versionType()).isEqualTo(VersionType.External);
        assertThat(first.version()).isEqualTo(TestArticles.PARSED_AT.toEpochMilli());
        BinaryData body = (BinaryData) first.document();
        assertThat(body.asInputStream().readAllBytes()).as("the document is the article's search document")
            .isEqualTo(EventJson.write(SearchDocument.of(TestArticles.article("121-0a1b2c3d4e5f",
                    TestArticles.PARSED_AT))));
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_INDEXED).count()).isEqualTo(2);
        assertThat(this.meters.timer(PipelineMeters.INDEXER_BULK_DURATION, "outcome", "success").count())
            .isEqualTo(1);
    }

    @Test
    void returnsArticleWithMappingErrorAsRejectionAndIndexesTheOthers() {
        ArticleBulkWriter writer = writer(ids -> List.of(BulkResponses.created(ids.get(0)),
                BulkResponses.mappingError(ids.get(1)), BulkResponses.created(ids.get(2))));

        BulkResult result = writer.write(documents("121-000000000001", "121-000000000002", "121-000000000003"));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.position()).as("position of the refused article in the batch").isEqualTo(1);
            assertThat(rejection.articleId()).isEqualTo("121-000000000002");
            assertThat(rejection.status()).isEqualTo(400);
            assertThat(rejection.describe()).startsWith("400 document_parsing_exception: ")
                .contains("failed to parse field [page]");
        });
    }

    @Test
    void countsVersionConflictAsStaleInsteadOfFailing() {
        ArticleBulkWriter writer = writer(ids -> List.of(BulkResponses.versionConflict(ids.get(0)),
                BulkResponses.created(ids.get(1))));

        BulkResult result = writer.write(documents("121-000000000001", "121-000000000002"));

        assertThat(result).isEqualTo(new BulkResult(1, 1, List.of()));
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_STALE).count()).isEqualTo(1);
    }

    @Test
    void throwsForRetryWhenAnyItemIsRejectedWithTooManyRequests() {
        ArticleBulkWriter writer = writer(ids -> List.of(BulkResponses.created(ids.get(0)),
                BulkResponses.tooManyRequests(ids.get(1)), BulkResponses.mappingError(ids.get(2))));

        assertThatThrownBy(() -> writer.write(documents("121-000000000001", "121-000000000002", "121-000000000003")))
            .isInstanceOf(ElasticsearchUnavailableException.class)
            .isNotInstanceOf(IndexMissingException.class)
            .hasMessageContaining("1 of 3 articles")
            .hasMessageContaining("429 es_rejected_execution_exception");
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_INDEXED).count())
            .as("nothing counted for a batch that will be retried")
            .isZero();
        assertThat(this.meters.timer(PipelineMeters.INDEXER_BULK_DURATION, "outcome", "retryable_items").count())
            .isEqualTo(1);
    }

    @Test
    void throwsForRetryWhenTheIndexBlocksWrites() {
        ArticleBulkWriter writer = writer(ids -> ids.stream().map(BulkResponses::writeBlocked).toList());

        assertThatThrownBy(() -> writer.write(documents("121-000000000001")))
            .isInstanceOf(ElasticsearchUnavailableException.class)
            .hasMessageContaining("403 cluster_block_exception");
    }

    @Test
    void reportsMissingAliasSoTheIndexCanBeSetUpAgain() {
        ArticleBulkWriter writer = writer(ids -> ids.stream().map(BulkResponses::aliasMissing).toList());

        assertThatThrownBy(() -> writer.write(documents("121-000000000001")))
            .isInstanceOf(IndexMissingException.class)
            .hasMessageContaining("404 index_not_found_exception");
    }

    @Test
    void throwsForRetryWhenElasticsearchIsUnreachable() {
        BulkSender unreachable = request -> {
            throw new ConnectException("Connection refused");
        };
        ArticleBulkWriter writer = new ArticleBulkWriter(unreachable, BulkResponses.INDEX, LIMITS, this.meters);

        assertThatThrownBy(() -> writer.write(documents("121-000000000001")))
            .isInstanceOf(ElasticsearchUnavailableException.class)
            .hasMessageContaining("ConnectException: Connection refused");
        assertThat(this.meters.timer(PipelineMeters.INDEXER_BULK_DURATION, "outcome", "failed").count())
            .isEqualTo(1);
    }

    @Test
    void splitsBatchIntoRequestsOfAtMostMaxActions() {
        BulkProperties two = LIMITS.withLimits(2, DataSize.ofMegabytes(10));
        ArticleBulkWriter writer = writer(two, ids -> ids.stream().map(BulkResponses::created).toList());

        BulkResult result = writer.write(
                documents("121-000000000001", "121-000000000002", "121-000000000003", "121-000000000004", "121-000000000005"));

        assertThat(result.indexed()).isEqualTo(5);
        assertThat(this.requests).extracting(request -> request.operations().size()).containsExactly(2, 2, 1);
    }

    @Test
    void countsNothingWhenALaterRequestOfTheBatchFailsSoTheRetryIsNotCountedTwice() {
        BulkProperties two = LIMITS.withLimits(2, DataSize.ofMegabytes(10));
        ArticleBulkWriter writer = writer(two, ids -> ids.stream()
            .map(id -> id.endsWith("3") ? BulkResponses.tooManyRequests(id)
                    : id.endsWith("2") ? BulkResponses.versionConflict(id) : BulkResponses.created(id))
            .toList());
        List<ArticleDocument> batch = documents("121-000000000001", "121-000000000002", "121-000000000003");

        assertThatThrownBy(() -> writer.write(batch)).isInstanceOf(ElasticsearchUnavailableException.class);

        assertThat(this.requests).as("the first request succeeded, the second failed").hasSize(2);
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_INDEXED).count()).isZero();
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_STALE).count()).isZero();
    }

    @Test
    void countsEachArticleOnceWhenARetriedMultiRequestBatchSucceeds() {
        BulkProperties two = LIMITS.withLimits(2, DataSize.ofMegabytes(10));
        int[] attempt = { 0 };
        ArticleBulkWriter writer = writer(two, ids -> ids.stream()
            .map(id -> id.endsWith("3") && attempt[0]++ == 0 ? BulkResponses.tooManyRequests(id)
                    : BulkResponses.created(id))
            .toList());
        List<ArticleDocument> batch = documents("121-000000000001", "121-000000000002", "121-000000000003");

        assertThatThrownBy(() -> writer.write(batch)).isInstanceOf(ElasticsearchUnavailableException.class);
        BulkResult retried = writer.write(batch);

        assertThat(retried.indexed()).isEqualTo(3);
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_INDEXED).count()).isEqualTo(3);
    }

    @Test
    void splitsBatchIntoRequestsOfAtMostMaxBytesButSendsAnOversizedArticleAlone() {
        BulkProperties small = LIMITS.withLimits(500, DataSize.ofBytes(1));
        ArticleBulkWriter writer = writer(small, ids -> ids.stream().map(BulkResponses::created).toList());

        writer.write(documents("121-000000000001", "121-000000000002"));

        assertThat(this.requests).extracting(request -> request.operations().size()).containsExactly(1, 1);
    }

    @Test
    void reportsRejectionPositionsAcrossSplitRequests() {
        BulkProperties two = LIMITS.withLimits(2, DataSize.ofMegabytes(10));
        ArticleBulkWriter writer = writer(two, ids -> ids.stream()
            .map(id -> id.endsWith("3") ? BulkResponses.mappingError(id) : BulkResponses.created(id))
            .toList());

        BulkResult result = writer.write(documents("121-000000000001", "121-000000000002", "121-000000000003"));

        assertThat(result.rejections()).extracting(Rejection::position).containsExactly(2);
    }

    @Test
    void versionFollowsParsedAtSoALaterParseWins() {
        Instant earlier = Instant.parse("2023-05-30T08:00:00Z");
        ArticleDocument first = ArticleDocument.of(TestArticles.article("121-000000000001", earlier));
        ArticleDocument second = ArticleDocument.of(TestArticles.article("121-000000000001", earlier.plusSeconds(60)));

        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void sendsNothingForAnEmptyBatch() {
        ArticleBulkWriter writer = writer(ids -> List.of());

        assertThat(writer.write(List.of())).isEqualTo(BulkResult.EMPTY);
        assertThat(this.requests).isEmpty();
    }

    // --- sending again what Elasticsearch refused for now

    final List<Duration> pauses = new ArrayList<>();

    /** A writer that sends items up to three times, recording its waits instead of sleeping; jitter fixed at 0.5. */
    ArticleBulkWriter retryingWriter(BulkProperties limits, BulkSender sender) {
        return new ArticleBulkWriter(sender, BulkResponses.INDEX,
                limits.withItemRetry(new BulkProperties.ItemRetry(3, Duration.ofMillis(100), Duration.ofMillis(300))),
                this.meters, null, this.pauses::add, () -> 0.5);
    }

    BulkSender answering(Function<List<String>, List<String>> items) {
        return request -> {
            this.requests.add(request);
            return BulkResponses.of(items.apply(request.operations().stream().map(op -> op.index().id()).toList()));
        };
    }

    static List<String> ids(BulkRequest request) {
        return request.operations().stream().map(op -> op.index().id()).toList();
    }

    @Test
    void sendsOnlyTheItemsRefusedForNowAgainAfterAJitteredBackoff() {
        int[] attempt = { 0 };
        ArticleBulkWriter writer = retryingWriter(BulkProperties.defaults(), answering(ids -> {
            attempt[0]++;
            return ids.stream().map(id -> attempt[0] == 1 && id.endsWith("2") ? BulkResponses.tooManyRequests(id)
                    : attempt[0] == 1 && id.endsWith("3") ? BulkResponses.circuitBreaking(id)
                    : attempt[0] == 1 && id.endsWith("4") ? BulkResponses.mappingError(id)
                    : BulkResponses.created(id)).toList();
        }));

        BulkResult result = writer.write(
                documents("121-000000000001", "121-000000000002", "121-000000000003", "121-000000000004"));

        assertThat(result.indexed()).isEqualTo(3);
        assertThat(result.rejections()).extracting(Rejection::articleId).containsExactly("121-000000000004");
        assertThat(this.requests).extracting(ArticleBulkWriterTests::ids).containsExactly(
                List.of("121-000000000001", "121-000000000002", "121-000000000003", "121-000000000004"),
                List.of("121-000000000002", "121-000000000003"));
        assertThat(this.pauses).as("first backoff 100 ms, half of it taken away by the jitter at 0.5 -> 75 ms")
            .containsExactly(Duration.ofMillis(75));
        assertThat(this.meters.counter(PipelineMeters.INDEXER_BULK_ITEM_RETRIES, "reason",
                "429 circuit_breaking_exception").count()).isEqualTo(1);
        assertThat(this.meters.counter(PipelineMeters.INDEXER_BULK_ITEM_RETRIES, "reason",
                "429 es_rejected_execution_exception").count()).isEqualTo(1);
    }

    @Test
    void givesTheBatchBackAfterTheLastAttemptWithBoundedGrowingBackoffs() {
        ArticleBulkWriter writer = retryingWriter(BulkProperties.defaults(),
                answering(ids -> ids.stream().map(BulkResponses::serviceUnavailable).toList()));

        assertThatThrownBy(() -> writer.write(documents("121-000000000001")))
            .isInstanceOf(ElasticsearchUnavailableException.class)
            .hasMessageContaining("attempt 3 of 3")
            .hasMessageContaining("503 unavailable_shards_exception");

        assertThat(this.requests).hasSize(3);
        assertThat(this.pauses).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_INDEXED).count()).isZero();
    }

    @Test
    void sendsAWholeRequestAgainWhenItFailedAsAWholeAndCountsItOnce() {
        int[] attempt = { 0 };
        ArticleBulkWriter writer = retryingWriter(BulkProperties.defaults(), request -> {
            this.requests.add(request);
            if (attempt[0]++ == 0) {
                throw new java.net.SocketTimeoutException("Read timed out");
            }
            return BulkResponses.of(ids(request).stream().map(BulkResponses::created).toList());
        });

        BulkResult result = writer.write(documents("121-000000000001", "121-000000000002"));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(this.requests).hasSize(2);
        assertThat(this.meters.counter(PipelineMeters.INDEXER_BULK_ITEM_RETRIES, "reason", "SocketTimeoutException")
            .count()).isEqualTo(2);
        assertThat(this.meters.counter(PipelineMeters.INDEXER_ARTICLES_INDEXED).count()).isEqualTo(2);
    }

    @Test
    void countsAVersionConflictOfAnAlreadyAppliedRetryAsStaleNotAsFailure() {
        // The first request timed out on the client, but Elasticsearch applied it: the resend is refused with 409.
        int[] attempt = { 0 };
        ArticleBulkWriter writer = retryingWriter(BulkProperties.defaults(), request -> {
            this.requests.add(request);
            if (attempt[0]++ == 0) {
                throw new java.net.SocketTimeoutException("Read timed out");
            }
            return BulkResponses.of(ids(request).stream().map(BulkResponses::versionConflict).toList());
        });

        BulkResult result = writer.write(documents("121-000000000001"));

        assertThat(result).isEqualTo(new BulkResult(0, 1, List.of()));
    }

    @Test
    void doesNotRetryAMissingIndexButReportsItAtOnce() {
        ArticleBulkWriter writer = retryingWriter(BulkProperties.defaults(),
                answering(ids -> ids.stream().map(BulkResponses::aliasMissing).toList()));

        assertThatThrownBy(() -> writer.write(documents("121-000000000001"))).isInstanceOf(IndexMissingException.class);
        assertThat(this.requests).hasSize(1);
        assertThat(this.pauses).isEmpty();
    }

    @Test
    void sendsTheRequestsOfABatchConcurrentlyButNeverMoreThanMaxInFlight() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        BulkSender slow = request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            synchronized (this.requests) {
                this.requests.add(request);
            }
            return BulkResponses.of(ids(request).stream().map(BulkResponses::created).toList());
        };
        BulkProperties limits = BulkProperties.defaults().withLimits(1, DataSize.ofMegabytes(10)).withMaxInFlight(2);
        try (ArticleBulkWriter writer = new ArticleBulkWriter(slow, BulkResponses.INDEX, limits, this.meters, threads,
                this.pauses::add, () -> 0.5)) {
            BulkResult result = writer.write(documents("121-000000000001", "121-000000000002", "121-000000000003",
                    "121-000000000004", "121-000000000005", "121-000000000006"));

            assertThat(result.indexed()).isEqualTo(6);
        }
        assertThat(this.requests).hasSize(6);
        assertThat(most.get()).as("requests in flight at once").isEqualTo(2);
    }

    @Test
    void waitsForEveryRequestOfTheBatchBeforeReportingOneFailed() {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        BulkSender sender = request -> {
            if (ids(request).contains("121-000000000001")) {
                throw new ConnectException("Connection refused");
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
            return BulkResponses.of(ids(request).stream().map(BulkResponses::created).toList());
        };
        BulkProperties limits = BulkProperties.defaults().withLimits(1, DataSize.ofMegabytes(10)).withMaxInFlight(2)
            .withItemRetry(new BulkProperties.ItemRetry(1, Duration.ofMillis(100), Duration.ofMillis(100)));
        try (ArticleBulkWriter writer = new ArticleBulkWriter(sender, BulkResponses.INDEX, limits, this.meters, threads,
                this.pauses::add, () -> 0.5)) {
            assertThatThrownBy(() -> writer.write(documents("121-000000000001", "121-000000000002")))
                .isInstanceOf(ElasticsearchUnavailableException.class)
                .hasMessageContaining("ConnectException");
        }
        assertThat(finished.get()).as("the other request was not abandoned in flight").isEqualTo(1);
    }
}
