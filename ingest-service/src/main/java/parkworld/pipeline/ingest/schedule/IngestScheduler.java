package parkworld.pipeline.ingest.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.ingest.run.IngestReport;
import parkworld.pipeline.ingest.run.IssueIngestor;

/** Runs ingest on its triggers, never two runs at once: a trigger during a run is skipped, not queued. */
public final class IngestScheduler {

    private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);

    private final IssueIngestor ingestor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<IngestReport> lastReport = new AtomicReference<>();

    public IngestScheduler(IssueIngestor ingestor) {
        this.ingestor = ingestor;
    }

    /** Runs now unless a run is under way; returns whether it ran. */
    public boolean trigger(String why) {
        return trigger(why, () -> this.ingestor.run(why));
    }

    /** Runs {@code run} (a backfill, a replay) now unless a run is under way; returns whether it ran. */
    public boolean trigger(String why, IngestRun run) {
        if (!this.running.compareAndSet(false, true)) {
            log.info("Ingest run ({}) skipped: a run is already under way", why);
            return false;
        }
        try {
            log.info("Ingest run started ({})", why);
            this.lastReport.set(run.run());
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            log.warn("Ingest run ({}) interrupted", why);
            return false;
        }
        catch (RuntimeException ex) {
            // A bug must not kill the scheduler thread: the next weekly run gets another chance.
            log.error("Ingest run ({}) failed", why, ex);
            return false;
        }
        finally {
            this.running.set(false);
        }
    }

    public IngestReport lastReport() {
        return this.lastReport.get();
    }

    /** Whether a run is under way in this process. */
    public boolean isRunning() {
        return this.running.get();
    }

    /** One ingest run. */
    @FunctionalInterface
    public interface IngestRun {

        IngestReport run() throws InterruptedException;
    }
}
