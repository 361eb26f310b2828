package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.bulk.IndexMissingException;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;
import parkworld.pipeline.indexer.mapping.IndexReadiness;

class ArticleBatchIndexerTests {

    final List<BulkRequest> bulkRequests = new ArrayList<>();
    final List<DeadLetter> published = new ArrayList<>();
    final FakeIndex index = new FakeIndex();

    ArticleBatchIndexer indexer(Function<String, String> itemForId) {
        ArticleBulkWriter writer = new ArticleBulkWriter(request -> {
            this.bulkRequests.add(request);
            String items = String.join(",",
                    request.operations().stream().map(op -> itemForId.apply(op.index().id())).toList());
            return BulkResponse.of(b -> b.withJson(new StringReader("{\"took\":1,\"errors\":false,\"items\":[" + items + "]}")));
        }, "parkworld-articles", new BulkProperties(500, DataSize.ofMegabytes(10), Duration.ofMinutes(1)),
                new SimpleMeterRegistry());
        return new ArticleBatchIndexer(new ArticleDecoder(), this.index, writer, this.published::addAll);
    }

    static String item(String id, int status, String errorType) {
        String error = errorType == null ? "" : ",\"error\":{\"type\":\"" + errorType + "\",\"reason\":\"refused\"}";
        return "{\"index\":{\"_index\":\"parkworld-articles-v1\",\"_id\":\"" + id + "\",\"status\":" + status + error
                + "}}";
    }

    static String created(String id) {
        return item(id, 201, null);
    }

    @Test
    void indexesValidRecordsAndDeadLettersMalformedOnesWithTheirOriginalBytes() {
        IncomingRecord valid = Records.of(10, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));
        IncomingRecord malformed = Records.malformed(11);
        IncomingRecord alsoValid = Records.of(12, TestArticles.article("121-000000000002", TestArticles.PARSED_AT));

        BatchSummary summary = indexer(ArticleBatchIndexerTests::created).index(List.of(valid, malformed, alsoValid));

        assertThat(summary).isEqualTo(new BatchSummary(3, 2, 0, 1));
        assertThat(this.bulkRequests).singleElement()
            .extracting(request -> request.operations().stream().map(op -> op.index().id()).toList())
            .isEqualTo(List.of("121-000000000001", "121-000000000002"));
        assertThat(this.published).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.MALFORMED_EVENT);
            assertThat(deadLetter.record()).isSameAs(malformed);
            assertThat(deadLetter.message()).contains("ArticleExtracted");
        });
    }

    @Test
    void deadLettersArticlesElasticsearchRefusesWithTheirId() {
        IncomingRecord refused = Records.of(10, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));
        IncomingRecord fine = Records.of(11, TestArticles.article("121-000000000002", TestArticles.PARSED_AT));

        BatchSummary summary = indexer(id -> id.endsWith("1") ? item(id, 400, "document_parsing_exception")
                : created(id)).index(List.of(refused, fine));

        assertThat(summary).isEqualTo(new BatchSummary(2, 1, 0, 1));
        assertThat(this.published).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.INDEX_REJECTED);
            assertThat(deadLetter.record()).isSameAs(refused);
            assertThat(deadLetter.articleId()).isEqualTo("121-000000000001");
            assertThat(deadLetter.message()).contains("400 document_parsing_exception");
        });
    }

    @Test
    void countsStaleArticlesWithoutDeadLetteringThem() {
        IncomingRecord old = Records.of(10, TestArticles.article("121-000000000001", Instant.EPOCH));

        BatchSummary summary = indexer(id -> item(id, 409, "version_conflict_engine_exception")).index(List.of(old));

        assertThat(summary).isEqualTo(new BatchSummary(1, 0, 1, 0));
        assertThat(this.published).isEmpty();
    }

    @Test
    void throwsWithoutPublishingDeadLettersWhileElasticsearchIsDown() {
        ArticleBulkWriter down = new ArticleBulkWriter(request -> {
            throw new ConnectException("Connection refused");
        }, "parkworld-articles", new BulkProperties(500, DataSize.ofMegabytes(10), Duration.ofMinutes(1)),
                new SimpleMeterRegistry());
        ArticleBatchIndexer indexer = new ArticleBatchIndexer(new ArticleDecoder(), this.index, down,
                this.published::addAll);
        List<IncomingRecord> batch = List.of(Records.malformed(1),
                Records.of(2, TestArticles.article("121-000000000001", TestArticles.PARSED_AT)));

        assertThatThrownBy(() -> indexer.index(batch)).isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(this.published)
            .as("dead letters wait for the batch to succeed, or every retry would publish them again")
            .isEmpty();
    }

    @Test
    void setsTheIndexUpAgainWhenItWentMissing() {
        ArticleBatchIndexer indexer = indexer(id -> item(id, 404, "index_not_found_exception"));
        List<IncomingRecord> batch = List.of(Records.of(1, TestArticles.article("121-000000000001", TestArticles.PARSED_AT)));

        assertThatThrownBy(() -> indexer.index(batch)).isInstanceOf(IndexMissingException.class);
        assertThat(this.index.ensured).isEqualTo(1);
        assertThat(this.index.invalidated).as("the next attempt must re-create the index and alias").isEqualTo(1);
    }

    @Test
    void leavesElasticsearchAloneForABatchOfOnlyMalformedRecords() {
        BatchSummary summary = indexer(ArticleBatchIndexerTests::created).index(List.of(Records.malformed(1)));

        assertThat(summary).isEqualTo(new BatchSummary(1, 0, 0, 1));
        assertThat(this.bulkRequests).isEmpty();
        assertThat(this.index.ensured).isZero();
    }

    @Test
    void throwsWhenTheIndexCannotBeSetUp() {
        this.index.unavailable = true;
        ArticleBatchIndexer indexer = indexer(ArticleBatchIndexerTests::created);
        List<IncomingRecord> batch = List.of(Records.of(1, TestArticles.article("121-000000000001", TestArticles.PARSED_AT)));

        assertThatThrownBy(() -> indexer.index(batch)).isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(this.bulkRequests).isEmpty();
    }

    @Test
    void describesWhereABatchCameFrom() {
        List<IncomingRecord> batch = List.of(Records.malformed(7), Records.malformed(9), Records.malformed(8));

        assertThat(ArticleBatchIndexer.sources(batch)).containsExactly(java.util.Map.entry("parkworld.articles-0", "7..9"));
    }

    static final class FakeIndex implements IndexReadiness {

        int ensured;
        int invalidated;
        boolean unavailable;

        @Override
        public void ensureReady() {
            this.ensured++;
            if (this.unavailable) {
                throw new ElasticsearchUnavailableException("Connection refused");
            }
        }

        @Override
        public void invalidate() {
            this.invalidated++;
        }
    }
}
