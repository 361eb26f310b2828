package parkworld.pipeline.ingest.schedule;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.run.IngestReport;

/**
 * Runs ingest on its triggers, never two runs at once: a trigger during a run is skipped, not queued. A run has a
 * deadline: past it, the run is interrupted and left behind, so a hung run cannot hold back the runs after it. Any
 * {@link Throwable} of a run is logged and the scheduler goes on: the next weekly run gets another chance.
 */
public final class IngestScheduler {

    private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);

    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final ScheduledRun scheduled;
    private final Runnable beforeEachRun;
    private final Duration runDeadline;
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<IngestReport> lastReport = new AtomicReference<>();
    private final AtomicInteger runs = new AtomicInteger();

    /**
     * @param scheduled     the scheduled ingest run
     * @param beforeEachRun what every run, scheduled or not, starts with (a new run of the crawler: fresh back-offs)
     * @param runDeadline   how long a run may take ({@code parkworld.ingest.schedule.run-deadline})
     * @param meters        where a run that crashed or was abandoned is counted ({@code failed}, {@code abandoned});
     *                      a run that returns times itself
     */
    public IngestScheduler(ScheduledRun scheduled, Runnable beforeEachRun, Duration runDeadline, MeterRegistry meters) {
        this.scheduled = scheduled;
        this.beforeEachRun = beforeEachRun;
        this.runDeadline = runDeadline;
        this.meters = meters;
    }

    /**
     * Does {@code trigger} (which calls {@link #trigger}) as the observation of one triggered run
     * ({@link PipelineMeters#INGEST_TRIGGER}), the root span of the run's trace: the fetches happen inside it, and each
     * IssueFetched sent carries it on (traceparent header) to the parser, so one trace leads from the fetch to the
     * parse. (A plain span would not do: sends are observations, children of the current observation, not of the
     * current span.) Every trigger goes through here: start-up, schedule, catch-up and the operator's.
     *
     * @param kind what triggered the run, a tag of few values: {@code startup}, {@code schedule}, {@code catch-up},
     *             {@code operator}, {@code backfill}, {@code replay}
     */
    public static void observed(ObservationRegistry observations, String kind, Runnable trigger) {
        Observation.createNotStarted(PipelineMeters.INGEST_TRIGGER, observations)
            .contextualName("ingest run")
            .lowCardinalityKeyValue("trigger", kind)
            .observe(trigger);
    }

    /** Runs now unless a run is under way; returns whether it ran to its end. */
    public boolean trigger(String why) {
        return trigger(why, () -> this.scheduled.run(why));
    }

    /** Runs {@code run} (a backfill, a replay) now unless a run is under way; returns whether it ran. */
    public boolean trigger(String why, IngestRun run) {
        if (!this.running.compareAndSet(false, true)) {
            log.info("Ingest run ({}) skipped: a run is already under way", why);
            return false;
        }
        // Its own thread, so the deadline holds whatever the run blocks on; the thread ends with the run.
        long start = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-run-" + this.runs.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            log.info("Ingest run started ({})", why);
            // The run's thread carries on the trigger's context (its observation, so the run's trace), and MDC.
            Future<IngestReport> report = worker.submit(CONTEXT.captureAll().wrap(() -> {
                this.beforeEachRun.run();
                return run.run();
            }));
            this.lastReport.set(report.get(this.runDeadline.toMillis(), TimeUnit.MILLISECONDS));
            return true;
        }
        catch (TimeoutException ex) {
            countRun("abandoned", start);
            log.error("Ingest run ({}) exceeded parkworld.ingest.schedule.run-deadline ({}): interrupted and abandoned; "
                    + "the next trigger starts a new run", why, this.runDeadline);
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            log.warn("Ingest run ({}) interrupted", why);
            return false;
        }
        catch (ExecutionException ex) {
            // Whatever the run threw, Errors included: the scheduler thread lives on for the next weekly run.
            countRun("failed", start);
            log.error("Ingest run ({}) failed", why, ex.getCause());
            return false;
        }
        catch (Throwable ex) {
            countRun("failed", start);
            log.error("Ingest run ({}) failed", why, ex);
            return false;
        }
        finally {
            worker.shutdownNow();
            this.running.set(false);
        }
    }

    private void countRun(String outcome, long startNanos) {
        try {
            this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME, outcome)
                .record(Duration.ofNanos(System.nanoTime() - startNanos));
        }
        catch (RuntimeException ex) {
            log.warn("Could not count the run: {}", ex.toString());
        }
    }

    public IngestReport lastReport() {
        return this.lastReport.get();
    }

    /** Whether a run is under way in this process. */
    public boolean isRunning() {
        return this.running.get();
    }

    /** The scheduled run (weekly, start-up, catch-up), told why it runs. */
    @FunctionalInterface
    public interface ScheduledRun {

        IngestReport run(String why) throws Exception;
    }

    /** One ingest run. */
    @FunctionalInterface
    public interface IngestRun {

        IngestReport run() throws Exception;
    }
}
