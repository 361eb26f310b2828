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

    private static final IngestReport EMPTY = new IngestReport(0, List.of(), 0, List.of(), List.of(), List.of());

    private final AtomicInteger runs = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private long runsCounted(String outcome) {
        return this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME, outcome).count();
    }

    @Test
    void survivesARunThatThrowsAnError() {
        IngestScheduler scheduler = new IngestScheduler(() -> {
            if (this.runs.incrementAndGet() == 1) {
                throw new StackOverflowError("a bug deep down");
            }
            return EMPTY;
        }, Duration.ofSeconds(10), this.meters);

        assertThat(scheduler.trigger("weekly")).isFalse();
        assertThat(runsCounted("failed")).isEqualTo(1);
        assertThat(scheduler.trigger("next week")).isTrue();
        assertThat(scheduler.lastReport()).isEqualTo(EMPTY);
    }

    @Test
    void survivesARunThatThrowsACheckedOrRuntimeException() {
        IngestScheduler scheduler = new IngestScheduler(() -> {
            int run = this.runs.incrementAndGet();
            if (run == 1) {
                throw new java.io.IOException("disk gone");
            }
            if (run == 2) {
                throw new IllegalStateException("bug");
            }
            return EMPTY;
        }, Duration.ofSeconds(10), this.meters);

        assertThat(List.of(scheduler.trigger("1"), scheduler.trigger("2"), scheduler.trigger("3")))
            .containsExactly(false, false, true);
    }

    @Test
    void aHungRunIsAbandonedAtTheDeadlineAndTheNextRunStarts() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        IngestScheduler scheduler = new IngestScheduler(() -> {
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
        }, Duration.ofMillis(300), this.meters);

        boolean first = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scheduler.trigger("weekly"));

        assertThat(first).isFalse();
        assertThat(runsCounted("abandoned")).isEqualTo(1);
        assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the hung run was interrupted").isTrue();
        assertThat(scheduler.trigger("next week")).isTrue();
    }

    @Test
    void aTriggerDuringARunIsSkipped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IngestScheduler scheduler = new IngestScheduler(() -> {
            started.countDown();
            release.await();
            return EMPTY;
        }, Duration.ofSeconds(10), this.meters);
        Thread first = new Thread(() -> scheduler.trigger("weekly"));
        first.start();
        started.await();

        assertThat(scheduler.trigger("startup")).isFalse();

        release.countDown();
        first.join(5000);
        assertThat(scheduler.lastReport()).isEqualTo(EMPTY);
    }
}
