package parkworld.pipeline.indexer.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;
import parkworld.pipeline.messaging.DeadLetterPublisher.DeadLetterPublishException;
import parkworld.pipeline.messaging.RetryPolicyProperties;
import parkworld.pipeline.messaging.TransientFailures;

/**
 * The listener container's error handler for the articles batch: when handling a batch throws, the same batch is
 * handed to the listener again after an exponential backoff, as often as it takes. Spring Kafka's default gives up
 * after 9 retries and skips the batch (its offsets are committed), which would silently lose articles whenever
 * Elasticsearch is down for more than a few seconds.
 * <p>
 * Three things make sure it never gives up: the backoff ({@link RetryPolicyProperties#backOff()}, the policy every
 * service shares) has neither a maximum number of attempts nor a maximum elapsed time; every exception is classified
 * retryable (by default some, such as conversion errors, go straight to the recoverer); and the recoverer, should it
 * still be called, refuses by throwing, which makes the container seek back and redeliver the batch.
 * <p>
 * Retrying everything is safe here because what depends on a single record never reaches this handler: the batch
 * indexer dead-letters malformed and refused articles itself and skips a record whose dead letter Kafka refuses for
 * good ({@link TransientFailures}). What is left is the environment (Elasticsearch, Kafka) or a bug, and both are
 * fixed without losing the batch.
 */
final class RetryForever {

    private static final Logger log = LoggerFactory.getLogger(RetryForever.class);

    private RetryForever() {
    }

    /**
     * @param retry  the backoff settings ({@code parkworld.retry.*})
     * @param meters where to count retries
     * @return an error handler that retries a failed batch until it succeeds
     */
    static DefaultErrorHandler errorHandler(RetryPolicyProperties retry, MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(refuseToSkip(), retry.backOff());
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryLogger(retry, meters));
        return handler;
    }

    private static ConsumerRecordRecoverer refuseToSkip() {
        return (record, ex) -> {
            throw new IllegalStateException("not skipping " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": the batch is redelivered until it is indexed", ex);
        };
    }

    /** Logs every failed attempt with its reason and counts it. */
    static final class RetryLogger implements RetryListener {

        private final RetryPolicyProperties retry;
        private final MeterRegistry meters;

        RetryLogger(RetryPolicyProperties retry, MeterRegistry meters) {
            this.retry = retry;
            this.meters = meters;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            count(ex);
            log.warn("Handling record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
                    record.offset(), deliveryAttempt, reason(ex));
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
            count(ex);
            String message = "Indexing a batch of {} records {} failed (attempt {}), retrying in at most {}: {}";
            if (deliveryAttempt == 1 && !isOutage(cause(ex))) {
                // Not an outage but something unexpected (a bug?): the stack trace once, then one line per attempt.
                // A permanent failure here is a bug too: the indexer handles those per record before they get here.
                log.warn(message, records.count(), offsets(records), deliveryAttempt, this.retry.maxInterval(),
                        reason(ex), ex);
            }
            else {
                log.warn(message, records.count(), offsets(records), deliveryAttempt, this.retry.maxInterval(),
                        reason(ex));
            }
        }

        @Override
        public void recoveryFailed(ConsumerRecords<?, ?> records, Exception original, Exception failure) {
            log.warn("Batch of {} records {} not skipped; it will be redelivered", records.count(), offsets(records));
        }

        private void count(Exception ex) {
            Counter.builder(PipelineMeters.INDEXER_BULK_RETRIES)
                .description("Failed attempts at indexing a batch; the batch is retried")
                .tag("exception", cause(ex).getClass().getSimpleName())
                .register(this.meters)
                .increment();
        }

        private static Map<String, String> offsets(ConsumerRecords<?, ?> records) {
            Map<String, String> ranges = new TreeMap<>();
            for (TopicPartition partition : records.partitions()) {
                var list = records.records(partition);
                ranges.put(partition.toString(), list.get(0).offset() + ".." + list.get(list.size() - 1).offset());
            }
            return ranges;
        }

        /** The listener's own exception, not the container's and the binding's wrappers around it. */
        static Throwable cause(Throwable ex) {
            Throwable current = ex;
            while (current.getCause() != null && current.getCause() != current
                    && !current.getClass().getPackageName().startsWith("parkworld.")
                    && isWrapper(current)) {
                current = current.getCause();
            }
            return current;
        }

        private static boolean isOutage(Throwable cause) {
            return (cause instanceof ElasticsearchUnavailableException || cause instanceof DeadLetterPublishException)
                    && TransientFailures.permanentReason(cause).isEmpty();
        }

        private static boolean isWrapper(Throwable ex) {
            String name = ex.getClass().getName();
            return name.startsWith("org.springframework.") || name.startsWith("java.lang.reflect.")
                    || ex instanceof java.util.concurrent.CompletionException;
        }

        private static String reason(Exception ex) {
            Throwable cause = cause(ex);
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }
}
