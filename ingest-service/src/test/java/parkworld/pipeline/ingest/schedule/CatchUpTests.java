package parkworld.pipeline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.ingest.state.IngestLedger;
import parkworld.pipeline.ingest.state.IngestState;
import parkworld.pipeline.ingest.state.InMemoryLedger;
import parkworld.pipeline.ingest.state.RunSummary;

class CatchUpTests {

    // A Wednesday: the weekly Monday 06:00 Beijing run was two days ago.
    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    final CatchUp weekly = new CatchUp("0 0 6 * * MON", "Asia/Shanghai", this.clock);

    @Test
    void thePeriodOfAWeeklyScheduleIsAWeek() {
        assertThat(this.weekly.period()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void runsWhenTheLastCompletedRunIsOlderThanOnePeriod() {
        assertThat(this.weekly.reason(Optional.of(this.clock.instant().minus(Duration.ofDays(8)))))
            .get().asString().contains("older than one period");
    }

    @Test
    void runsWhenNoRunWasEverCompleted() {
        assertThat(this.weekly.reason(Optional.empty())).get().asString().contains("no completed run");
    }

    @Test
    void waitsForTheScheduleWhenTheLastRunIsWithinThePeriod() {
        assertThat(this.weekly.reason(Optional.of(this.clock.instant().minus(Duration.ofDays(2))))).isEmpty();
    }

    @Test
    void readsTheLastCompletedRunOfAnyReplicaFromTheStateAndIgnoresNewerFailedOnes() throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();
        // Newest first: a failed and a fenced run yesterday, the last ok one 8 days ago.
        record(ledger, run("schedule", "ok", 8), run("operator", "failed", 1), run("startup", "fenced", 1));

        assertThat(this.weekly.reason(ledger)).get().asString().contains("older than one period");
    }

    @Test
    void aPartialRunWithinThePeriodCountsAsCompleted() throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();
        record(ledger, run("schedule", "partial", 2));

        assertThat(this.weekly.reason(ledger)).isEmpty();
    }

    @Test
    void anEmptyStateMeansRunOnce() {
        assertThat(this.weekly.reason(new InMemoryLedger())).get().asString().contains("no completed run");
    }

    @Test
    void noCatchUpWhenTheStateCannotBeRead() {
        IngestLedger unreadable = new IngestLedger() {

            @Override
            public Session open() throws LedgerException {
                throw new LedgerException("broker unavailable", null);
            }

            @Override
            public IngestState read() throws LedgerException {
                throw new LedgerException("broker unavailable", null);
            }
        };

        assertThat(this.weekly.reason(unreadable)).isEmpty();
    }

    private RunSummary run(String trigger, String outcome, int daysAgo) {
        Instant finished = this.clock.instant().minus(Duration.ofDays(daysAgo));
        return new RunSummary(trigger, "1@host", finished.minusSeconds(60), finished, outcome, 1, 0, 1, 0, 0, 0, 0, 0,
                List.of());
    }

    /** Records the runs oldest first, so the state lists them as given, newest first. */
    private static void record(InMemoryLedger ledger, RunSummary... newestFirst) throws Exception {
        for (int i = newestFirst.length - 1; i >= 0; i--) {
            try (IngestLedger.Session session = ledger.open()) {
                session.finish(newestFirst[i]);
            }
        }
    }
}
