package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.SettableClock;

/** Progress of a long backfill: done/total and the rate, as gauges and in the status view. */
class RunProgressTests {

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RunProgress progress = new RunProgress(this.clock, Duration.ofSeconds(30), this.meters);

    double gauge(String name) {
        return this.meters.get(name).gauge().value();
    }

    @Test
    void aRunningBackfillShowsDoneOfTotalAndItsRatePerMinute() {
        this.progress.started("backfill folder", 1000);
        for (int i = 0; i < 30; i++) {
            this.clock.advance(Duration.ofSeconds(4));
            this.progress.candidateDone();
        }

        assertThat(gauge(PipelineMeters.INGEST_RUN_CANDIDATES_TOTAL)).isEqualTo(1000);
        assertThat(gauge(PipelineMeters.INGEST_RUN_CANDIDATES_DONE)).isEqualTo(30);
        assertThat(gauge(PipelineMeters.INGEST_RUN_CANDIDATES_RATE)).as("30 in 2 minutes").isEqualTo(15.0);
        assertThat(this.progress.snapshot()).isEqualTo(new RunProgress.Snapshot("backfill folder",
                Instant.parse("2026-12-02T10:00:00Z"), 30, 1000, 15.0));
    }

    @Test
    void everyGaugeIsZeroAndNoRunIsShownOnceTheRunEnded() {
        this.progress.started("replay all", 3);
        this.clock.advance(Duration.ofSeconds(60));
        this.progress.candidateDone();
        this.progress.ended();

        assertThat(gauge(PipelineMeters.INGEST_RUN_CANDIDATES_TOTAL)).isZero();
        assertThat(gauge(PipelineMeters.INGEST_RUN_CANDIDATES_DONE)).isZero();
        assertThat(gauge(PipelineMeters.INGEST_RUN_CANDIDATES_RATE)).isZero();
        assertThat(this.progress.snapshot()).isNull();
    }
}
