package parkworld.pipeline.ingest.schedule;

import io.micrometer.core.instrument.MeterRegistry;
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

    private final IngestRun run;
    private final Duration runDeadline;
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<IngestReport> lastReport = new AtomicReference<>();
    private final AtomicInteger runs = new AtomicInteger();

    /**
     * @param run         one ingest run
     * @param runDeadline how long a run may take ({@code parkworld.ingest.schedule.run-deadline})
     * @param meters      where a run that crashed or was abandoned is counted ({@code failed}, {@code abandoned});
     *                    a run that returns times itself
     */
    public IngestScheduler(IngestRun run, Duration runDeadline, MeterRegistry meters) {
        this.run = run;
        this.runDeadline = runDeadline;
        this.meters = meters;
    }

    /** Runs now unless a run is under way; returns whether it ran to its end. */
    public boolean trigger(String why) {
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
            Future<IngestReport> report = worker.submit(this.run::run);
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

    /** One ingest run. */
    @FunctionalInterface
    public interface IngestRun {

        IngestReport run() throws Exception;
    }
}
