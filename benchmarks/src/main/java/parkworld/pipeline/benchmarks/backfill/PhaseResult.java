package parkworld.pipeline.benchmarks.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One measured phase (the backfill, or the replay of the stored archive) and the instants its figures come from.
 *
 * @param name           {@code backfill} or {@code replay}
 * @param issues         distinct issues parsed in the phase
 * @param pages          their pages
 * @param articles       their articles, as the parser's {@code IssueParsed} events list them
 * @param requested      when the operator request was sent
 * @param firstFetched   record timestamp of the phase's first {@code IssueFetched}
 * @param lastFetched    record timestamp of its last {@code IssueFetched}
 * @param lastParsed     record timestamp of its last {@code IssueParsed}
 * @param lastSearchable when Elasticsearch's count first showed all the phase's articles
 * @param samples        one a second (more often for the searchable count), oldest first
 */
record PhaseResult(String name, int issues, long pages, long articles, Instant requested, Instant firstFetched,
        Instant lastFetched, Instant lastParsed, Instant lastSearchable, List<Sample> samples) {

    PhaseResult {
        samples = List.copyOf(samples);
    }

    /** S: from the first {@code IssueFetched} to the last article searchable. */
    double seconds() {
        return Figures.seconds(this.firstFetched, this.lastSearchable);
    }

    /** Ingest's window: first to last {@code IssueFetched}. */
    Duration ingestWindow() {
        return Duration.between(this.firstFetched, this.lastFetched);
    }
}
