package parkworld.pipeline.ingest.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything on the state topic, as read at the start of a run and kept up to date by the run's own writes: the
 * candidates by URL, which bytes were announced (by SHA-256), the last runs. Not thread-safe: one run owns it.
 */
public final class IngestState {

    private final Map<String, CandidateState> candidates = new LinkedHashMap<>();
    private final Map<String, CandidateState> announcedBySha256 = new HashMap<>();
    private List<RunSummary> runs = List.of();

    public Optional<CandidateState> candidate(String url) {
        return Optional.ofNullable(this.candidates.get(url));
    }

    /** The candidate whose announced bytes have this SHA-256 (the same bytes at another URL are one issue). */
    public Optional<CandidateState> announcedWithSha256(String sha256) {
        return Optional.ofNullable(this.announcedBySha256.get(sha256));
    }

    public Collection<CandidateState> candidates() {
        return List.copyOf(this.candidates.values());
    }

    /** The last runs, newest first. */
    public List<RunSummary> runs() {
        return this.runs;
    }

    /** The newest run that got through its candidates. */
    public Optional<RunSummary> lastCompletedRun() {
        return this.runs.stream().filter(RunSummary::completed).findFirst();
    }

    public void put(CandidateState state) {
        this.candidates.put(state.url(), state);
        if (state.sha256() != null) {
            // Later records win, as on the compacted topic.
            this.announcedBySha256.put(state.sha256(), state);
        }
    }

    /** A candidate's record was deleted (a tombstone). */
    void remove(String url) {
        CandidateState removed = this.candidates.remove(url);
        if (removed != null && removed.sha256() != null) {
            this.announcedBySha256.remove(removed.sha256(), removed);
        }
    }

    public void putRuns(List<RunSummary> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The runs record after this run: it first, then the older ones, at most {@code keep}. */
    public List<RunSummary> withRun(RunSummary run, int keep) {
        List<RunSummary> next = new ArrayList<>();
        next.add(run);
        for (RunSummary older : this.runs) {
            if (next.size() >= keep) {
                break;
            }
            next.add(older);
        }
        return next;
    }
}
