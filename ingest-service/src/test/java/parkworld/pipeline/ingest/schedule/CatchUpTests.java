package parkworld.pipeline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
