package parkworld.pipeline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.run.IngestReport;

/** A failed or hung run never stops the later ones. */
class IngestSchedulerTests {

    private static final IngestReport EMPTY = new IngestReport(0, List.of(), 0, List.of(), List.of(), List.of(), List.of());

    private final AtomicInteger runs = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private long runsCounted(String outcome) {
        return this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME, outcome).count();
    }

    @Test
    void survivesARunThatThrowsAnError() {
        IngestScheduler scheduler = new IngestScheduler(why -> {
            if (this.runs.incrementAndGet() == 1) {
                throw new StackOverflowError("a bug deep down");
            }
            return EMPTY;
        }, () -> { }, Duration.ofSeconds(10), Duration.ofSeconds(5), this.meters);

        assertThat(scheduler.trigger("weekly")).isFalse();
        assertThat(runsCounted("failed")).isEqualTo(1);
        assertThat(scheduler.trigger("next week")).isTrue();
        assertThat(scheduler.lastReport()).isEqualTo(EMPTY);
    }

    @Test
    void survivesARunThatThrowsACheckedOrRuntimeException() {
        IngestScheduler scheduler = new IngestScheduler(why -> {
            int run = this.runs.incrementAndGet();
            if (run == 1) {
                throw new java.io.IOException("disk gone");
            }
            if (run == 2) {
                throw new IllegalStateException("bug");
            }
            return EMPTY;
        }, () -> { }, Duration.ofSeconds(10), Duration.ofSeconds(5), this.meters);

        assertThat(List.of(scheduler.trigger("1"), scheduler.trigger("2"), scheduler.trigger("3")))
            .containsExactly(false, false, true);
    }

    @Test
    void aHungRunIsAbandonedAtTheDeadlineAndTheNextRunStarts() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        IngestScheduler scheduler = new IngestScheduler(why -> {
            if (this.runs.incrementAndGet() == 1) {
                try {
                    never.await();
                }
                catch (InterruptedException ex) {
                    interrupted.countDown();
                    throw ex;
                }
            }
            return EMPTY;
        }, () -> { }, Duration.ofMillis(300), Duration.ofSeconds(5), this.meters);

        boolean first = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scheduler.trigger("weekly"));

        assertThat(first).isFalse();
        assertThat(runsCounted("abandoned")).isEqualTo(1);
        assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the hung run was interrupted").isTrue();
        assertThat(scheduler.trigger("next week")).isTrue();
    }

    @Test
    void anAbandonedRunThatIgnoresItsInterruptKeepsTheSlotUntilItStopsAndLaterTriggersAreRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger interrupts = new AtomicInteger();
        // A run stuck where an interrupt does not reach (a blocking socket read): it goes on until released.
        IngestScheduler scheduler = new IngestScheduler(why -> {
            if (this.runs.incrementAndGet() == 1) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    }
                    catch (InterruptedException ex) {
                        interrupts.incrementAndGet();
                    }
                }
            }
            return EMPTY;
        }, () -> { }, Duration.ofMillis(200), Duration.ofMillis(200), this.meters);

        assertThat(scheduler.trigger("schedule 0 0 6 * * MON")).isFalse();

        assertThat(interrupts.get()).as("the abandoned run was interrupted").isEqualTo(1);
        assertThat(scheduler.isRunning()).as("still stopping: it keeps the slot").isTrue();
        assertThat(scheduler.runUnderWay()).get().asString()
            .contains("schedule 0 0 6 * * MON", "abandoned past its deadline and still stopping");
        assertThat(scheduler.trigger("operator")).isFalse();
        assertThat(scheduler.claim("backfill folder")).isEmpty();
        assertThat(this.runs.get()).as("no second run started").isEqualTo(1);
        assertThat(this.meters.counter(PipelineMeters.INGEST_TRIGGERS_REFUSED, "trigger", "operator",
                PipelineMeters.TAG_REASON, "abandoned_run_still_stopping").count()).isEqualTo(1);
        assertThat(this.meters.counter(PipelineMeters.INGEST_TRIGGERS_REFUSED, "trigger", "backfill",
                PipelineMeters.TAG_REASON, "abandoned_run_still_stopping").count()).isEqualTo(1);

        release.countDown();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (scheduler.isRunning() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(scheduler.isRunning()).as("the slot is free once the abandoned run has ended").isFalse();
        assertThat(scheduler.trigger("schedule next week")).isTrue();
    }

    @Test
    void aClaimedSlotRefusesOtherTriggersUntilItsRunEnds() {
        IngestScheduler scheduler = new IngestScheduler(why -> EMPTY, () -> { }, Duration.ofSeconds(10),
                Duration.ofSeconds(5), this.meters);
        IngestScheduler.Slot slot = scheduler.claim("replay all").orElseThrow();

        assertThat(scheduler.trigger("schedule 0 0 6 * * MON")).isFalse();
        assertThat(scheduler.runUnderWay()).get().asString().contains("run (replay all) under way since");
        assertThat(this.meters.counter(PipelineMeters.INGEST_TRIGGERS_REFUSED, "trigger", "schedule",
                PipelineMeters.TAG_REASON, "run_under_way").count()).isEqualTo(1);

        assertThat(scheduler.run(slot, () -> EMPTY)).isTrue();
        assertThat(scheduler.isRunning()).isFalse();
        assertThat(scheduler.trigger("schedule 0 0 6 * * MON")).isTrue();
    }

    @Test
    void aTriggerDuringARunIsSkipped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IngestScheduler scheduler = new IngestScheduler(why -> {
            started.countDown();
            release.await();
            return EMPTY;
        }, () -> { }, Duration.ofSeconds(10), Duration.ofSeconds(5), this.meters);
        Thread first = new Thread(() -> scheduler.trigger("weekly"));
        first.start();
        started.await();

        assertThat(scheduler.trigger("startup")).isFalse();

        release.countDown();
        first.join(5000);
        assertThat(scheduler.lastReport()).isEqualTo(EMPTY);
    }
}
