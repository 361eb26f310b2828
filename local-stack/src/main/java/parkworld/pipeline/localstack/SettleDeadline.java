package parkworld.pipeline.localstack;

import java.time.Duration;
import java.time.Instant;

/**
 * When the run command stops waiting for the pipeline to settle: after a stretch in which its progress did not change,
 * not after a fixed total, so that a long backfill that keeps moving is never cut off, and a stage that is stuck is.
 *
 * <p>The stretch is longer than the longest a single fetch may legitimately take (ingest's
 * {@code parkworld.ingest.crawler.document-deadline}, 10 minutes): a download cut off by that deadline is then
 * reported by ingest as the failed issue it is, instead of this wait giving up at the same moment and blaming
 * "work outstanding".
 */
final class SettleDeadline {

    /** Ingest's document deadline (10 min) plus the time its report of the failure takes to show in the progress. */
    static final Duration QUIET_LIMIT = Duration.ofMinutes(12);

    private final Duration quietLimit;
    private String lastProgress;
    private Instant lastChange;

    SettleDeadline(Duration quietLimit, Instant start) {
        this.quietLimit = quietLimit;
        this.lastChange = start;
    }

    /**
     * Records the progress line the pipeline reports now.
     *
     * @return whether it differs from the one before (the first one always does)
     */
    boolean observe(String progress, Instant now) {
        if (progress.equals(this.lastProgress)) {
            return false;
        }
        this.lastProgress = progress;
        this.lastChange = now;
        return true;
    }

    /** How long the progress has stayed as it is. */
    Duration unchangedFor(Instant now) {
        return Duration.between(this.lastChange, now);
    }

    /** Whether the progress has stayed unchanged for longer than the limit: the stage left is stuck. */
    boolean expired(Instant now) {
        return unchangedFor(now).compareTo(this.quietLimit) > 0;
    }

    Duration quietLimit() {
        return this.quietLimit;
    }
}
