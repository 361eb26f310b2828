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

    static final BulkProperties LIMITS = new BulkProperties(500, DataSize.ofMegabytes(10), Duration.ofMinutes(1));

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
        assertThat(first.versionType()).isEqualTo(VersionType.ExternalGte);
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
        BulkProperties two = new BulkProperties(2, DataSize.ofMegabytes(10), Duration.ofMinutes(1));
        ArticleBulkWriter writer = writer(two, ids -> ids.stream().map(BulkResponses::created).toList());

        BulkResult result = writer.write(
                documents("121-000000000001", "121-000000000002", "121-000000000003", "121-000000000004", "121-000000000005"));

        assertThat(result.indexed()).isEqualTo(5);
        assertThat(this.requests).extracting(request -> request.operations().size()).containsExactly(2, 2, 1);
    }

    @Test
    void countsNothingWhenALaterRequestOfTheBatchFailsSoTheRetryIsNotCountedTwice() {
        BulkProperties two = new BulkProperties(2, DataSize.ofMegabytes(10), Duration.ofMinutes(1));
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
        BulkProperties two = new BulkProperties(2, DataSize.ofMegabytes(10), Duration.ofMinutes(1));
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
        BulkProperties small = new BulkProperties(500, DataSize.ofBytes(1), Duration.ofMinutes(1));
        ArticleBulkWriter writer = writer(small, ids -> ids.stream().map(BulkResponses::created).toList());

        writer.write(documents("121-000000000001", "121-000000000002"));

        assertThat(this.requests).extracting(request -> request.operations().size()).containsExactly(1, 1);
    }

    @Test
    void reportsRejectionPositionsAcrossSplitRequests() {
        BulkProperties two = new BulkProperties(2, DataSize.ofMegabytes(10), Duration.ofMinutes(1));
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
}
