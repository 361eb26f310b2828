package parkworld.pipeline.indexer.messaging;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Records the indexer could neither handle nor dead-letter (Kafka refused their dead letter for good) and therefore
 * skipped so their partition is not blocked for ever. Each is also logged at ERROR and counted
 * ({@code parkworld.indexer.articles.skipped}, {@code parkworld.indexer.issues.skipped}); this reports them on
 * {@code /actuator/health} (component {@code skippedRecords}): down once any record was skipped since the start,
 * with the count and the last one's coordinates, so an operator re-publishes it from its topic (it stays there until
 * retention). Not part of the readiness group: indexing goes on.
 */
class SkippedRecords extends AbstractHealthIndicator {

    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<String> last = new AtomicReference<>();

    SkippedRecords() {
        super("skipped records check failed");
    }

    /**
     * @param coordinates e.g. {@code parkworld.issues.parsed-0@17}
     * @param why         the dead letter's reason and Kafka's refusal
     */
    void record(String coordinates, String why) {
        this.count.incrementAndGet();
        this.last.set(coordinates + ": " + why);
    }

    /** @return records skipped since the start */
    long count() {
        return this.count.get();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long skipped = this.count.get();
        if (skipped == 0) {
            builder.up().withDetail("skipped", 0);
            return;
        }
        builder.down().withDetail("skipped", skipped).withDetail("last", this.last.get())
            .withDetail("action", "re-publish the records named in the ERROR log lines 'Skipped ...' from their topic");
    }
}
