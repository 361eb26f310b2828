package parkworld.pipeline.ingest.run;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.PipelineMeters;

/**
 * Progress of the run under way (a backfill of thousands of issues runs for hours): candidates done of total, and
 * the rate, as gauges ({@link PipelineMeters#INGEST_RUN_CANDIDATES_TOTAL}, {@link PipelineMeters#INGEST_RUN_CANDIDATES_DONE},
 * {@link PipelineMeters#INGEST_RUN_CANDIDATES_RATE}) and a log line at most every {@code logEvery}.
 */
public final class RunProgress {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);

    private final Clock clock;
    private final Duration logEvery;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<String> trigger = new AtomicReference<>();
    private volatile Instant startedAt;
    private volatile Instant lastLogged;

    public RunProgress(Clock clock, Duration logEvery, MeterRegistry meters) {
        this.clock = clock;
        this.logEvery = logEvery;
        Gauge.builder(PipelineMeters.INGEST_RUN_CANDIDATES_TOTAL, this.total, AtomicInteger::get)
            .description("Candidates of the run under way (0 when none)")
            .register(meters);
        Gauge.builder(PipelineMeters.INGEST_RUN_CANDIDATES_DONE, this.done, AtomicInteger::get)
            .description("Candidates the run under way has finished with")
            .register(meters);
        Gauge.builder(PipelineMeters.INGEST_RUN_CANDIDATES_RATE, this, progress -> {
            Snapshot running = progress.snapshot();
            return running == null ? 0 : running.perMinute();
        })
            .description("Candidates per minute the run under way has finished since it started")
            .register(meters);
    }

    void started(String why, int candidates) {
        // The trigger last: a snapshot taken meanwhile sees either no run or this one whole.
        this.startedAt = this.clock.instant();
        this.lastLogged = this.startedAt;
        this.done.set(0);
        this.total.set(candidates);
        this.trigger.set(why);
    }

    void candidateDone() {
        int finished = this.done.incrementAndGet();
        Instant now = this.clock.instant();
        if (finished == this.total.get() || !now.isBefore(this.lastLogged.plus(this.logEvery))) {
            this.lastLogged = now;
            Snapshot snapshot = snapshot();
            log.info("Ingest run ({}) progress: {}/{} candidates, {} per minute", snapshot.trigger(), snapshot.done(),
                    snapshot.total(), String.format("%.1f", snapshot.perMinute()));
        }
    }

    int doneSoFar() {
        return this.done.get();
    }

    void ended() {
        this.trigger.set(null);
        this.total.set(0);
        this.done.set(0);
    }

    /** The run under way, or null when none is. */
    public Snapshot snapshot() {
        String why = this.trigger.get();
        if (why == null) {
            return null;
        }
        Duration elapsed = Duration.between(this.startedAt, this.clock.instant());
        int finished = this.done.get();
        double perMinute = elapsed.isZero() ? 0 : finished * 60_000.0 / Math.max(1, elapsed.toMillis());
        return new Snapshot(why, this.startedAt, finished, this.total.get(), perMinute);
    }

    /**
     * @param trigger   why the run started
     * @param startedAt when
     * @param done      candidates finished with
     * @param total     candidates of the run
     * @param perMinute candidates finished per minute since the start
     */
    public record Snapshot(String trigger, Instant startedAt, int done, int total, double perMinute) {
    }
}
