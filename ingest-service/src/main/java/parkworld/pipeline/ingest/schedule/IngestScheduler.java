package parkworld.pipeline.ingest.schedule;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.run.IngestReport;

/**
 * Runs ingest on its triggers, never two runs at once in this process: a trigger during a run is refused, not queued
 * (logged, counted as {@link PipelineMeters#INGEST_TRIGGERS_REFUSED}; the operator endpoint answers 409 naming the run
 * under way). A run has a deadline: past it, the run's thread is interrupted and the trigger waits up to
 * {@code abandonedRunWait} for it to stop. The run keeps the slot until its thread has really ended, so an abandoned
 * run still finishing its document never overlaps the next one; triggers meanwhile are refused with reason
 * {@code abandoned_run_still_stopping}. Any {@link Throwable} of a run is logged and the scheduler goes on: the next
 * weekly run gets another chance.
 */
public final class IngestScheduler {

    private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);

    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final ScheduledRun scheduled;
    private final Runnable beforeEachRun;
    private final Duration runDeadline;
    private final Duration abandonedRunWait;
    private final MeterRegistry meters;
    private final AtomicReference<Slot> current = new AtomicReference<>();
    private final AtomicReference<IngestReport> lastReport = new AtomicReference<>();
    private final AtomicInteger runs = new AtomicInteger();

    /**
     * @param scheduled        the scheduled ingest run
     * @param beforeEachRun    what every run, scheduled or not, starts with (a new run of the crawler: fresh back-offs)
     * @param runDeadline      how long a run may take ({@code parkworld.ingest.schedule.run-deadline})
     * @param abandonedRunWait how long to wait, past the deadline, for the interrupted run to stop
     *                         ({@code parkworld.ingest.schedule.abandoned-run-wait})
     * @param meters           where a run that crashed or was abandoned is counted ({@code failed}, {@code abandoned}),
     *                         and refused triggers; a run that returns times itself
     */
    public IngestScheduler(ScheduledRun scheduled, Runnable beforeEachRun, Duration runDeadline,
            Duration abandonedRunWait, MeterRegistry meters) {
        this.scheduled = scheduled;
        this.beforeEachRun = beforeEachRun;
        this.runDeadline = runDeadline;
        this.abandonedRunWait = abandonedRunWait;
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

    /** Runs {@code run} (a backfill, a replay) now unless a run is under way; returns whether it ran to its end. */
    public boolean trigger(String why, IngestRun run) {
        Optional<Slot> slot = claim(why);
        return slot.isPresent() && run(slot.get(), run);
    }

    /**
     * Takes this process's one run slot for {@code why}, or refuses (logged, counted) when a run holds it. The
     * operator endpoint claims before it answers, so its answer (202 or 409) is the truth; then it calls
     * {@link #run(Slot, IngestRun)} in the background.
     */
    public Optional<Slot> claim(String why) {
        Slot slot = new Slot(why, Instant.now());
        if (this.current.compareAndSet(null, slot)) {
            return Optional.of(slot);
        }
        Slot holder = this.current.get();
        String reason = holder != null && holder.abandoned ? "abandoned_run_still_stopping" : "run_under_way";
        log.warn("Ingest run ({}) refused: {}", why, holder == null ? "a run was under way" : holder.describe());
        try {
            this.meters.counter(PipelineMeters.INGEST_TRIGGERS_REFUSED, "trigger", kind(why), PipelineMeters.TAG_REASON,
                    reason).increment();
        }
        catch (RuntimeException ex) {
            log.warn("Could not count the refused trigger: {}", ex.toString());
        }
        return Optional.empty();
    }

    /** Gives back a slot {@link #claim} gave that will not be run (the background executor refused the task). */
    public void release(Slot slot) {
        if (slot.thread == null) {
            this.current.compareAndSet(slot, null);
        }
    }

    /** What holds the run slot ("backfill folder since ..."), or empty when no run is under way. */
    public Optional<String> runUnderWay() {
        return Optional.ofNullable(this.current.get()).map(Slot::describe);
    }

    /** Runs {@code run} on the slot {@link #claim} gave; the slot is free again once the run's thread has ended. */
    public boolean run(Slot slot, IngestRun run) {
        if (this.current.get() != slot || slot.thread != null) {
            throw new IllegalStateException("ingest run (" + slot.why + ") does not hold the run slot");
        }
        long start = System.nanoTime();
        CompletableFuture<IngestReport> report = new CompletableFuture<>();
        // The run's thread carries on the trigger's context (its observation, so the run's trace), and MDC.
        Runnable body = CONTEXT.captureAll().wrap(() -> {
            IngestReport result = null;
            Throwable failure = null;
            try {
                this.beforeEachRun.run();
                result = run.run();
            }
            catch (Throwable ex) {
                failure = ex;
            }
            finally {
                // Free before the trigger hears of the end, so a trigger right after it finds the slot free.
                this.current.compareAndSet(slot, null);
                if (slot.abandoned) {
                    log.warn("Abandoned ingest run ({}) stopped, {} after its start; the next trigger may start a run",
                            slot.why, Duration.ofNanos(System.nanoTime() - start));
                }
            }
            if (failure != null) {
                report.completeExceptionally(failure);
            }
            else {
                report.complete(result);
            }
        });
        // Its own thread, so the deadline holds whatever the run blocks on.
        Thread thread = new Thread(body, "ingest-run-" + this.runs.incrementAndGet());
        thread.setDaemon(true);
        slot.thread = thread;
        log.info("Ingest run started ({})", slot.why);
        try {
            thread.start();
            this.lastReport.set(report.get(this.runDeadline.toMillis(), TimeUnit.MILLISECONDS));
            return true;
        }
        catch (TimeoutException ex) {
            countRun("abandoned", start);
            log.error("Ingest run ({}) exceeded parkworld.ingest.schedule.run-deadline ({}): interrupted and abandoned",
                    slot.why, this.runDeadline);
            abandon(slot);
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            log.warn("Ingest run ({}) interrupted", slot.why);
            abandon(slot);
            return false;
        }
        catch (ExecutionException ex) {
            // Whatever the run threw, Errors included: the scheduler thread lives on for the next weekly run.
            countRun("failed", start);
            log.error("Ingest run ({}) failed", slot.why, ex.getCause());
            return false;
        }
        catch (Throwable ex) {
            countRun("failed", start);
            log.error("Ingest run ({}) failed", slot.why, ex);
            abandon(slot);
            return false;
        }
    }

    /** Interrupts the run and waits, bounded, for its thread to end; the slot stays taken until it has. */
    private void abandon(Slot slot) {
        slot.abandoned = true;
        Thread thread = slot.thread;
        if (thread == null) {
            this.current.compareAndSet(slot, null);
            return;
        }
        if (thread.getState() == Thread.State.NEW) {
            // Never started (the thread could not be created): nothing to stop.
            this.current.compareAndSet(slot, null);
            return;
        }
        thread.interrupt();
        try {
            thread.join(Math.max(1, this.abandonedRunWait.toMillis()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.error("Abandoned ingest run ({}) has not stopped {} after its interrupt "
                    + "(parkworld.ingest.schedule.abandoned-run-wait); until it does, every trigger is refused", slot.why,
                    this.abandonedRunWait);
        }
    }

    private static String kind(String why) {
        String first = why.split("[ :]", 2)[0];
        return first.isEmpty() ? "run" : first;
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

    /** Whether a run (an abandoned one still stopping included) is under way in this process. */
    public boolean isRunning() {
        return this.current.get() != null;
    }

    /** This process's one run slot, held by a run from {@link #claim} until its thread has ended. */
    public static final class Slot {

        private final String why;
        private final Instant claimedAt;
        private volatile Thread thread;
        private volatile boolean abandoned;

        private Slot(String why, Instant claimedAt) {
            this.why = why;
            this.claimedAt = claimedAt;
        }

        String describe() {
            return "run (" + this.why + ") under way since " + this.claimedAt
                    + (this.abandoned ? ", abandoned past its deadline and still stopping" : "");
        }
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
