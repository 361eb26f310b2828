package parkworld.pipeline.ingest.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.ingest.run.InvalidEventException;

/**
 * The ledger's contract without Kafka, for the ingestor's unit tests: what a session commits is what the next
 * session reads; announcements of chosen issue keys fail as if Kafka refused them.
 */
public final class InMemoryLedger implements IngestLedger {

    private final Map<String, CandidateState> candidates = new LinkedHashMap<>();
    private final List<IssueFetched> announced = new ArrayList<>();
    private final Set<String> refusedIssueKeys = new HashSet<>();
    private List<RunSummary> runs = List.of();

    /** The events committed so far, in order. */
    public List<IssueFetched> announced() {
        return this.announced;
    }

    public List<RunSummary> runs() {
        return this.runs;
    }

    public CandidateState candidate(String url) {
        return this.candidates.get(url);
    }

    /** Announcements of this issue fail (nothing is written) until {@link #accept}. */
    public void refuse(String issueKey) {
        this.refusedIssueKeys.add(issueKey);
    }

    public void accept(String issueKey) {
        this.refusedIssueKeys.remove(issueKey);
    }

    @Override
    public Session open() {
        IngestState state = read();
        return new Session() {

            @Override
            public IngestState state() {
                return state;
            }

            @Override
            public void announce(CandidateState candidate, IssueFetched event)
                    throws LedgerException, InvalidEventException {
                List<String> violations = EventType.ISSUE_FETCHED.violations(EventJson.write(event));
                if (!violations.isEmpty()) {
                    throw new InvalidEventException("IssueFetched of " + event.issueKey(), violations);
                }
                if (InMemoryLedger.this.refusedIssueKeys.contains(event.issueKey())) {
                    throw new LedgerException("broker unavailable", null);
                }
                InMemoryLedger.this.announced.add(event);
                record(candidate);
            }

            @Override
            public void record(CandidateState candidate) {
                InMemoryLedger.this.candidates.put(candidate.url(), candidate);
                state.put(candidate);
            }

            @Override
            public void finish(RunSummary run) {
                InMemoryLedger.this.runs = state.withRun(run, 20);
                state.putRuns(InMemoryLedger.this.runs);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public IngestState read() {
        IngestState state = new IngestState();
        this.candidates.values().forEach(state::put);
        state.putRuns(this.runs);
        return state;
    }
}
