package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.util.backoff.BackOffExecution;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;
import parkworld.pipeline.messaging.RetryPolicyProperties;

class RetryForeverTests {

    /** The defaults application.yml states for parkworld.retry.*. */
    static final RetryPolicyProperties RETRY = new RetryPolicyProperties(Duration.ofSeconds(1), 2.0,
            Duration.ofSeconds(60));

    @Test
    void backsOffExponentiallyUpToTheMaximumIntervalAndNeverStops() {
        BackOffExecution execution = RETRY.backOff().start();

        assertThat(List.of(execution.nextBackOff(), execution.nextBackOff(), execution.nextBackOff(),
                execution.nextBackOff(), execution.nextBackOff(), execution.nextBackOff(), execution.nextBackOff(),
                execution.nextBackOff()))
            .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L);
        for (int attempt = 9; attempt <= 100_000; attempt++) {
            assertThat(execution.nextBackOff())
                .as("back off of attempt %d (a STOP would skip the batch and lose it)", attempt)
                .isEqualTo(60_000L);
        }
    }

    @Test
    void countsEachFailedAttemptByTheListenersOwnException() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetryForever.RetryLogger logger = new RetryForever.RetryLogger(RETRY, meters);
        TopicPartition partition = new TopicPartition("parkworld.articles", 0);
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(
                Map.of(partition, List.of(new ConsumerRecord<>("parkworld.articles", 0, 5L, null, new byte[0]))),
                Map.of());
        Exception wrapped = new MessageHandlingException(null, "listener failed",
                new ElasticsearchUnavailableException("bulk request failed: Connection refused"));

        logger.failedDelivery(records, wrapped, 1);
        logger.failedDelivery(records, wrapped, 2);

        assertThat(meters.counter(PipelineMeters.INDEXER_BULK_RETRIES, "exception",
                "ElasticsearchUnavailableException").count()).isEqualTo(2);
    }
}
