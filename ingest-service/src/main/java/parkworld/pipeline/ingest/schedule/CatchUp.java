package parkworld.pipeline.ingest.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import parkworld.pipeline.ingest.state.IngestLedger;
import parkworld.pipeline.ingest.state.IngestState;
import parkworld.pipeline.ingest.state.RunSummary;

/**
 * At start-up: whether the last completed run (any replica's, from the state) is older than one schedule period, so
 * a service that was down at its scheduled time does not wait a whole further period.
 */
final class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final CronExpression cron;
    private final ZoneId zone;
    private final Clock clock;

    CatchUp(String cron, String zone, Clock clock) {
        this.cron = CronExpression.parse(cron);
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    /** The schedule's period: the time between its next two runs. */
    Duration period() {
        ZonedDateTime next = this.cron.next(ZonedDateTime.now(this.clock.withZone(this.zone)));
        return Duration.between(next, this.cron.next(next));
    }

    /** Why to run now, or empty when the last completed run is recent enough (or the state cannot be read). */
    Optional<String> reason(IngestLedger ledger) {
        IngestState state;
        try {
            state = ledger.read();
        }
        catch (IngestLedger.LedgerException ex) {
            log.warn("No catch-up run: the state cannot be read ({}); the schedule runs as usual", ex.getMessage());
            return Optional.empty();
        }
        return reason(state.lastCompletedRun().map(RunSummary::finishedAt));
    }

    Optional<String> reason(Optional<Instant> lastCompleted) {
        Duration period = period();
        Instant now = this.clock.instant();
        if (lastCompleted.isEmpty()) {
            return Optional.of("catch-up: no completed run recorded");
        }
        if (lastCompleted.get().isBefore(now.minus(period))) {
            return Optional.of("catch-up: last completed run " + lastCompleted.get() + " is older than one period ("
                    + period + ")");
        }
        return Optional.empty();
    }
}
