package parkworld.pipeline.ingest.state;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;

/**
 * What one run did, kept on the state topic (the last ones, under {@link StateRecords#RUNS_KEY}) for the status view
 * and the start-up catch-up.
 *
 * @param trigger        why it ran ({@code schedule ...}, {@code startup}, {@code catch-up}, {@code operator},
 *                       {@code backfill ...}, {@code replay ...})
 * @param replica        which process ran it (host name and process id)
 * @param startedAt      when it started
 * @param finishedAt     when it ended
 * @param outcome        {@code ok}, {@code partial} (some candidates failed or were rejected), {@code failed}
 *                       (discovery failed, nothing done) or {@code fenced} (another replica took over)
 * @param found          candidates discovered
 * @param announced      issues announced (new, or with new bytes)
 * @param unchanged      candidates whose bytes were announced before
 * @param notModified    candidates the server answered 304 for (part of {@code unchanged})
 * @param duplicates     candidates downloaded with the same bytes as another URL of the same run: one issue,
 *                       announced (or found unchanged) once; so the counts add up to {@code found}
 * @param rejected       candidates whose bytes are no issue
 * @param failed         candidates not fetched or announced, and discovery problems
 * @param permanentlyFailed candidates skipped because they failed too often
 * @param reasons        one line per rejected, failed or duplicate candidate, with its reason (at most 50)
 */
public record RunSummary(String trigger, String replica, Instant startedAt, Instant finishedAt, String outcome,
        int found, int announced, int unchanged, int notModified,
        // Added after records without it were written (they stay on the compacted topic): absent means none.
        @JsonSetter(nulls = Nulls.AS_EMPTY) int duplicates, int rejected, int failed, int permanentlyFailed,
        List<String> reasons) {

    static final int MAX_REASONS = 50;

    public RunSummary {
        reasons = List.copyOf(reasons.size() > MAX_REASONS ? reasons.subList(0, MAX_REASONS) : reasons);
    }

    /** Whether the run got through its candidates (some may have failed): {@code ok} or {@code partial}. */
    public boolean completed() {
        return "ok".equals(this.outcome) || "partial".equals(this.outcome);
    }
}
