package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.messaging.MessageHandlingException;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.indexer.mapping.IndexReadiness;
import parkworld.pipeline.indexer.reparse.IssueReplacement;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher.DeadLetterPublishException;

class IssueBatchHandlerTests {

    final DeadLetterBinding deadLetters = new DeadLetterBinding();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SkippedRecords skipped = new SkippedRecords();

    IssueBatchHandler handler() {
        ParsedAtLimit limit = new ParsedAtLimit(Clock.fixed(TestArticles.PARSED_AT.plus(Duration.ofDays(1)),
                ZoneOffset.UTC), Duration.ofMinutes(5));
        // Never reached: every record of these tests is malformed.
        IssueReplacement replacement = new IssueReplacement(mock(ElasticsearchClient.class), "parkworld-articles-v2",
                this.meters, Duration.ofSeconds(30));
        return new IssueBatchHandler(EventDecoder.issuesParsed(), limit, mock(IndexReadiness.class), replacement,
                this.deadLetters.publisher(this.meters), this.meters, this.skipped);
    }

    static ConsumedRecord malformed(long offset) {
        return Records.of(offset, "{\"not\":\"an IssueParsed\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void skipsARecordWhoseDeadLetterKafkaRefusesForGoodInsteadOfBlockingThePartition() {
        this.deadLetters.failWith(new MessageHandlingException(null, "send failed",
                new RecordTooLargeException("The message is 2100000 bytes when serialized")));

        assertThat(handler().handle(List.of(malformed(7), malformed(8)))).isZero();

        assertThat(this.meters.counter(PipelineMeters.INDEXER_ISSUES_SKIPPED, "reason", "EVENT_TOO_LARGE").count())
            .isEqualTo(2);
        assertThat(this.skipped.count()).isEqualTo(2);
        assertThat(this.skipped.health().getStatus()).as("visible on /actuator/health").isEqualTo(Status.DOWN);
        assertThat(this.skipped.health().getDetails().get("last").toString()).contains("@8");
    }

    @Test
    void retriesTheBatchWhenKafkaIsOnlyUnavailable() {
        this.deadLetters.failWith(new MessageHandlingException(null, "send failed",
                new TimeoutException("Topic not present in metadata after 60000 ms")));

        assertThatThrownBy(() -> handler().handle(List.of(malformed(7)))).isInstanceOf(DeadLetterPublishException.class);

        assertThat(this.skipped.count()).isZero();
        assertThat(this.skipped.health().getStatus()).isEqualTo(Status.UP);
    }
}
