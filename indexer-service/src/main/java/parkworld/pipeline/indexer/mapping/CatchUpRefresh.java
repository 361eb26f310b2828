package parkworld.pipeline.indexer.mapping;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relaxes the index's refresh while the indexer catches up and restores it once caught up (see
 * {@code CatchUpProperties}). Called on the consumer thread: {@link #indexed} after each batch Elasticsearch
 * acknowledged, {@link #idle} when no record arrived for the binding's idle interval.
 * <p>
 * A failed settings request never fails a batch (the articles are indexed; only their visibility is at stake): it is
 * logged and tried again at the next call. Whatever fails, an article is searchable at most the relaxed interval
 * after it was indexed, and the index setup restores the shipped setting at every start
 * ({@link ArticleIndexSetup}), so a stopped instance cannot leave it relaxed beyond its next start.
 */
public final class CatchUpRefresh {

    private static final Logger log = LoggerFactory.getLogger(CatchUpRefresh.class);

    private final RefreshSettings index;
    private final long minRecords;
    private final Duration relaxedInterval;
    private long sinceIdle;
    private boolean relaxed;

    /**
     * @param index           where the setting is changed
     * @param minRecords      articles since the last idle event before the refresh is relaxed; 0 never relaxes it
     * @param relaxedInterval the refresh interval while catching up
     */
    public CatchUpRefresh(RefreshSettings index, long minRecords, Duration relaxedInterval) {
        this.index = Objects.requireNonNull(index, "index");
        this.minRecords = minRecords;
        this.relaxedInterval = Objects.requireNonNull(relaxedInterval, "relaxedInterval");
    }

    /** After a batch was indexed: relaxes the refresh once enough articles came without a pause. */
    public synchronized void indexed(int records) {
        this.sinceIdle += records;
        if (this.relaxed || this.minRecords == 0 || this.sinceIdle < this.minRecords) {
            return;
        }
        try {
            this.index.refreshInterval(this.relaxedInterval);
            this.relaxed = true;
            log.info("Catching up ({} articles without a pause): index refresh interval set to {} until idle",
                    this.sinceIdle, this.relaxedInterval);
        }
        catch (RuntimeException ex) {
            log.warn("Could not relax the index refresh interval while catching up; trying again after the next "
                    + "batch: {}", ex.toString());
        }
    }

    /** No record for the idle interval: caught up, so the shipped refresh is restored and the index refreshed. */
    public synchronized void idle() {
        this.sinceIdle = 0;
        if (!this.relaxed) {
            return;
        }
        try {
            this.index.restoreRefreshInterval();
            this.relaxed = false;
            this.index.refresh();
            log.info("Caught up: index refresh interval restored, index refreshed");
        }
        catch (RuntimeException ex) {
            // Still searchable within the relaxed interval; the next idle event tries again.
            log.warn("Could not restore the index refresh interval or refresh after catching up; trying again at the "
                    + "next idle event: {}", ex.toString());
        }
    }

    /** @return whether the refresh is relaxed now (for the tests and the log) */
    public synchronized boolean relaxed() {
        return this.relaxed;
    }

    /** The index's refresh, as Elasticsearch sets it. */
    public interface RefreshSettings {

        /** Sets {@code index.refresh_interval}. */
        void refreshInterval(Duration interval);

        /** Removes {@code index.refresh_interval}, back to what the shipped index definition says. */
        void restoreRefreshInterval();

        /** Makes everything indexed so far searchable. */
        void refresh();
    }
}
