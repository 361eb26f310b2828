package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHandlingException;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.bulk.IndexMissingException;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;
import parkworld.pipeline.indexer.mapping.IndexReadiness;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher.DeadLetterPublishException;

class ArticleBatchIndexerTests {

    final List<BulkRequest> bulkRequests = new ArrayList<>();
    final DeadLetterBinding deadLetters = new DeadLetterBinding();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SkippedRecords skipped = new SkippedRecords();
    /** One attempt per item: an outage is handed back to the container at once. */
    static final BulkProperties ONE_ATTEMPT = BulkProperties.defaults()
        .withItemRetry(new BulkProperties.ItemRetry(1, Duration.ofMillis(100), Duration.ofSeconds(2)));
    final FakeIndex index = new FakeIndex();
    /** The indexer's clock: a day after the test articles were parsed, 5 minutes of skew allowed. */
    final ParsedAtLimit parsedAtLimit = new ParsedAtLimit(
            Clock.fixed(TestArticles.PARSED_AT.plus(Duration.ofDays(1)), ZoneOffset.UTC), Duration.ofMinutes(5));

    ArticleBatchIndexer indexer(Function<String, String> itemForId) {
        ArticleBulkWriter writer = new ArticleBulkWriter(request -> {
            this.bulkRequests.add(request);
            String items = String.join(",",
                    request.operations().stream().map(op -> itemForId.apply(op.index().id())).toList());
            return BulkResponse.of(b -> b.withJson(new StringReader("{\"took\":1,\"errors\":false,\"items\":[" + items + "]}")));
        }, "parkworld-articles", ONE_ATTEMPT,
                this.meters);
        return new ArticleBatchIndexer(EventDecoder.articles(), this.parsedAtLimit, this.index, writer,
                this.deadLetters.publisher(this.meters), this.meters, this.skipped);
    }

    static String item(String id, int status, String errorType) {
        String error = errorType == null ? "" : ",\"error\":{\"type\":\"" + errorType + "\",\"reason\":\"refused\"}";
        return "{\"index\":{\"_index\":\"parkworld-articles-v2\",\"_id\":\"" + id + "\",\"status\":" + status + error
                + "}}";
    }

    static String created(String id) {
        return item(id, 201, null);
    }

    @Test
    void indexesValidRecordsAndDeadLettersMalformedOnesWithTheirOriginalBytes() {
        ConsumedRecord valid = Records.of(10, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));
        ConsumedRecord malformed = Records.malformed(11);
        ConsumedRecord alsoValid = Records.of(12, TestArticles.article("121-000000000002", TestArticles.PARSED_AT));

        BatchSummary summary = indexer(ArticleBatchIndexerTests::created).index(List.of(valid, malformed, alsoValid));

        assertThat(summary).isEqualTo(new BatchSummary(3, 2, 0, 1, 0));
        assertThat(this.bulkRequests).singleElement()
            .extracting(request -> request.operations().stream().map(op -> op.index().id()).toList())
            .isEqualTo(List.of("121-000000000001", "121-000000000002"));
        assertThat(this.deadLetters.sent).singleElement().satisfies(deadLetter -> {
            assertThat(DeadLetterBinding.reason(deadLetter)).isEqualTo("MALFORMED_EVENT");
            assertThat(deadLetter.getPayload()).as("the original value, byte for byte").isEqualTo(malformed.value());
            assertThat(DeadLetterBinding.key(deadLetter)).isEqualTo(malformed.key());
            assertThat(DeadLetterBinding.header(deadLetter, "ce_type")).isEqualTo("net.parkworld.article.extracted.v1");
            assertThat(DeadLetterBinding.header(deadLetter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("11");
            assertThat(DeadLetterBinding.header(deadLetter, DeadLetterHeaders.SERVICE)).isEqualTo("indexer-service");
            assertThat(DeadLetterBinding.header(deadLetter, DeadLetterHeaders.MESSAGE)).contains("ArticleExtracted");
        });
        assertThat(this.meters.counter(PipelineMeters.DEAD_LETTERS, PipelineMeters.TAG_REASON, "MALFORMED_EVENT")
            .count()).isEqualTo(1);
    }

    @Test
    void deadLettersArticlesElasticsearchRefusesWithTheirId() {
        ConsumedRecord refused = Records.of(10, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));
        ConsumedRecord fine = Records.of(11, TestArticles.article("121-000000000002", TestArticles.PARSED_AT));

        BatchSummary summary = indexer(id -> id.endsWith("1") ? item(id, 400, "document_parsing_exception")
                : created(id)).index(List.of(refused, fine));

        assertThat(summary).isEqualTo(new BatchSummary(2, 1, 0, 1, 0));
        assertThat(this.deadLetters.sent).singleElement().satisfies(deadLetter -> {
            assertThat(DeadLetterBinding.reason(deadLetter)).isEqualTo("INDEX_REJECTED");
            assertThat(deadLetter.getPayload()).isEqualTo(refused.value());
            assertThat(DeadLetterBinding.header(deadLetter, DeadLetterHeaders.MESSAGE))
                .contains("121-000000000001")
                .contains("400 document_parsing_exception");
        });
    }

    @Test
    void deadLettersAnArticleParsedFurtherAheadThanTheClockSkewAllowsAndIndexesTheRest() {
        Instant now = TestArticles.PARSED_AT.plus(Duration.ofDays(1));
        ConsumedRecord future = Records.of(10, TestArticles.article("121-000000000001", now.plus(Duration.ofMinutes(6))));
        ConsumedRecord withinSkew = Records.of(11, TestArticles.article("121-000000000002",
                now.plus(Duration.ofMinutes(4))));

        BatchSummary summary = indexer(ArticleBatchIndexerTests::created).index(List.of(future, withinSkew));

        assertThat(summary).isEqualTo(new BatchSummary(2, 1, 0, 1, 0));
        assertThat(this.bulkRequests).singleElement()
            .extracting(request -> request.operations().stream().map(op -> op.index().id()).toList())
            .isEqualTo(List.of("121-000000000002"));
        assertThat(this.deadLetters.sent).singleElement().satisfies(deadLetter -> {
            assertThat(DeadLetterBinding.reason(deadLetter)).isEqualTo("PARSED_AT_IN_FUTURE");
            assertThat(deadLetter.getPayload()).isEqualTo(future.value());
            assertThat(DeadLetterBinding.header(deadLetter, DeadLetterHeaders.MESSAGE))
                .contains("121-000000000001", "360 s ahead", "parkworld.indexer.freshness.max-clock-skew");
        });
    }

    @Test
    void describesARefusedArticleWithoutQuotingItsContent() {
        ConsumedRecord refused = Records.of(10, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));
        String reason = "failed to parse field [industries] of type [keyword] in document with id "
                + "'121-000000000001'. Preview of field's value: '机密内容'";

        indexer(id -> "{\"index\":{\"_index\":\"parkworld-articles-v2\",\"_id\":\"" + id
                + "\",\"status\":400,\"error\":{\"type\":\"document_parsing_exception\",\"reason\":\"" + reason
                + "\"}}}").index(List.of(refused));

        assertThat(this.deadLetters.sent).singleElement()
            .extracting(deadLetter -> DeadLetterBinding.header(deadLetter, DeadLetterHeaders.MESSAGE))
            .asString()
            .contains("failed to parse field [industries]")
            .doesNotContain("机密内容");
    }

    @Test
    void publishesDeadLettersInTheOrderTheRecordsWereConsumed() {
        ConsumedRecord refused = Records.of(10, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));
        ConsumedRecord malformed = Records.malformed(11);

        indexer(id -> item(id, 400, "document_parsing_exception")).index(List.of(refused, malformed));

        assertThat(this.deadLetters.sent).extracting(DeadLetterBinding::reason)
            .as("a refused article before a malformed record that came after it")
            .containsExactly("INDEX_REJECTED", "MALFORMED_EVENT");
    }

    @Test
    void retriesTheBatchWhenKafkaDoesNotTakeTheDeadLetters() {
        this.deadLetters.failWith(new MessageHandlingException(null, "send failed",
                new TimeoutException("Expiring 1 record(s) for parkworld.indexer.dlq-0")));
        ArticleBatchIndexer indexer = indexer(ArticleBatchIndexerTests::created);
        List<ConsumedRecord> batch = List.of(Records.malformed(1));

        assertThatThrownBy(() -> indexer.index(batch)).as("the batch must not be committed")
            .isInstanceOf(DeadLetterPublishException.class);
        assertThat(this.meters.find(PipelineMeters.DEAD_LETTERS).counters()).isEmpty();
    }

    @Test
    void skipsARecordWhoseDeadLetterKafkaRefusesForGoodAndIndexesTheRest() {
        this.deadLetters.failWith(new MessageHandlingException(null, "send failed",
                new RecordTooLargeException("The message is 2100000 bytes when serialized")));
        ConsumedRecord huge = Records.of(1, ("{\"x\":\"" + "x".repeat(100) + "\"").getBytes(StandardCharsets.UTF_8));
        ConsumedRecord valid = Records.of(2, TestArticles.article("121-000000000001", TestArticles.PARSED_AT));

        BatchSummary summary = indexer(ArticleBatchIndexerTests::created).index(List.of(huge, valid));

        assertThat(summary).as("retrying would block the partition for good")
            .isEqualTo(new BatchSummary(2, 1, 0, 0, 1));
        assertThat(this.skipped.count()).as("reported on the health endpoint").isEqualTo(1);
        assertThat(this.meters.counter(ArticleBatchIndexer.SKIPPED_METER, "reason", "EVENT_TOO_LARGE").count())
            .isEqualTo(1);
    }

    @Test
    void countsStaleArticlesWithoutDeadLetteringThem() {
        ConsumedRecord old = Records.of(10, TestArticles.article("121-000000000001", Instant.EPOCH));

        BatchSummary summary = indexer(id -> item(id, 409, "version_conflict_engine_exception")).index(List.of(old));

        assertThat(summary).isEqualTo(new BatchSummary(1, 0, 1, 0, 0));
        assertThat(this.deadLetters.sent).isEmpty();
    }

    @Test
    void throwsWithoutPublishingDeadLettersWhileElasticsearchIsDown() {
        ArticleBulkWriter down = new ArticleBulkWriter(request -> {
            throw new ConnectException("Connection refused");
        }, "parkworld-articles", ONE_ATTEMPT,
                new SimpleMeterRegistry());
        ArticleBatchIndexer indexer = new ArticleBatchIndexer(EventDecoder.articles(), this.parsedAtLimit, this.index, down,
                this.deadLetters.publisher(this.meters), this.meters, this.skipped);
        List<ConsumedRecord> batch = List.of(Records.malformed(1),
                Records.of(2, TestArticles.article("121-000000000001", TestArticles.PARSED_AT)));

        assertThatThrownBy(() -> indexer.index(batch)).isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(this.deadLetters.sent)
            .as("dead letters wait for the batch to succeed, or every retry would publish them again")
            .isEmpty();
    }

    @Test
    void setsTheIndexUpAgainWhenItWentMissing() {
        ArticleBatchIndexer indexer = indexer(id -> item(id, 404, "index_not_found_exception"));
        List<ConsumedRecord> batch = List.of(Records.of(1, TestArticles.article("121-000000000001", TestArticles.PARSED_AT)));

        assertThatThrownBy(() -> indexer.index(batch)).isInstanceOf(IndexMissingException.class);
        assertThat(this.index.ensured).isEqualTo(1);
        assertThat(this.index.invalidated).as("the next attempt must re-create the index and alias").isEqualTo(1);
    }

    @Test
    void leavesElasticsearchAloneForABatchOfOnlyMalformedRecords() {
        BatchSummary summary = indexer(ArticleBatchIndexerTests::created).index(List.of(Records.malformed(1)));

        assertThat(summary).isEqualTo(new BatchSummary(1, 0, 0, 1, 0));
        assertThat(this.bulkRequests).isEmpty();
        assertThat(this.index.ensured).isZero();
    }

    @Test
    void throwsWhenTheIndexCannotBeSetUp() {
        this.index.unavailable = true;
        ArticleBatchIndexer indexer = indexer(ArticleBatchIndexerTests::created);
        List<ConsumedRecord> batch = List.of(Records.of(1, TestArticles.article("121-000000000001", TestArticles.PARSED_AT)));

        assertThatThrownBy(() -> indexer.index(batch)).isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(this.bulkRequests).isEmpty();
    }

    @Test
    void describesWhereABatchCameFrom() {
        List<ConsumedRecord> batch = List.of(Records.malformed(7), Records.malformed(9), Records.malformed(8));

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
