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
    private final Duration remindEvery;
    private String lastProgress;
    private Instant lastChange;
    /** Reminders given since the last change. */
    private long reminders;

    /**
     * @param quietLimit  how long the progress may stay unchanged
     * @param remindEvery how often, while it stays unchanged, {@link #reminderDue} says so
     */
    SettleDeadline(Duration quietLimit, Duration remindEvery, Instant start) {
        this.quietLimit = quietLimit;
        this.remindEvery = remindEvery;
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
        this.reminders = 0;
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

    /**
     * Whether a reminder that the wait goes on is due: once per {@code remindEvery} the progress has stayed unchanged
     * (a slow download shows no count change for minutes). Counts the reminder as given.
     */
    boolean reminderDue(Instant now) {
        if (unchangedFor(now).compareTo(this.remindEvery.multipliedBy(this.reminders + 1)) < 0) {
            return false;
        }
        this.reminders++;
        return true;
    }
}
