package parkworld.pipeline.indexer.messaging;

import java.time.Duration;
import parkworld.pipeline.indexer.BulkProperties;

/**
 * The longest a consumer thread may go without polling Kafka, against {@code max.poll.interval.ms}: exceeding it
 * makes the broker take the partitions away (a rebalance), and another consumer would index the batch a second
 * time. While Elasticsearch is down the listener container's error handler pauses the partitions and polls between
 * attempts, so the gap between two polls is one attempt at a batch plus one backoff of the container's retry:
 * <pre>
 *   waves     = ceil(ceil(max.poll.records / max-actions) / max-in-flight)
 *   one batch = waves * (item-retry.max-attempts * socket-timeout + (item-retry.max-attempts - 1) * item-retry.max-backoff)
 *   gap       = one batch + parkworld.retry.max-interval  &lt;  max.poll.interval.ms
 * </pre>
 * (requests split by {@code max-bytes} can make more waves; leave room).
 */
final class PollIntervalBudget {

    private PollIntervalBudget() {
    }

    /**
     * @return the longest gap between two polls these settings allow
     */
    static Duration longestGap(int maxPollRecords, BulkProperties bulk, Duration socketTimeout,
            Duration containerMaxBackoff) {
        int requests = (maxPollRecords + bulk.maxActions() - 1) / bulk.maxActions();
        int waves = (requests + bulk.maxInFlight() - 1) / bulk.maxInFlight();
        int attempts = bulk.itemRetry().maxAttempts();
        Duration batch = socketTimeout.multipliedBy(attempts)
            .plus(bulk.itemRetry().maxBackoff().multipliedBy(attempts - 1L))
            .multipliedBy(waves);
        return batch.plus(containerMaxBackoff);
    }

    /**
     * @throws IllegalStateException when the settings allow a gap of at least {@code max.poll.interval.ms}
     */
    static void check(int maxPollRecords, Duration maxPollInterval, BulkProperties bulk, Duration socketTimeout,
            Duration containerMaxBackoff) {
        Duration gap = longestGap(maxPollRecords, bulk, socketTimeout, containerMaxBackoff);
        if (gap.compareTo(maxPollInterval) >= 0) {
            throw new IllegalStateException("While Elasticsearch does not answer, the indexer may go " + gap.toMillis()
                    + " ms without polling Kafka, not less than max.poll.interval.ms (" + maxPollInterval.toMillis()
                    + " ms): the broker would take its partitions away and the batch would be indexed twice. Lower "
                    + "parkworld.elasticsearch.socket-timeout (" + socketTimeout + "), "
                    + "parkworld.indexer.bulk.item-retry.max-attempts (" + bulk.itemRetry().maxAttempts() + "), "
                    + "parkworld.retry.max-interval (" + containerMaxBackoff + ") or max.poll.records ("
                    + maxPollRecords + "), or raise max.poll.interval.ms");
        }
    }
}
