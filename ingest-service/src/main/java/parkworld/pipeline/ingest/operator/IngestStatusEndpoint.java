package parkworld.pipeline.ingest.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import parkworld.pipeline.ingest.run.RunProgress;
import parkworld.pipeline.ingest.schedule.IngestScheduler;
import parkworld.pipeline.ingest.state.CandidateState;
import parkworld.pipeline.ingest.state.CandidateStatus;
import parkworld.pipeline.ingest.state.IngestLedger;
import parkworld.pipeline.ingest.state.IngestState;

/**
 * {@code /actuator/ingest}: the last runs of any replica (from the state topic), candidates by status, the permanently
 * failed ones with their last error, the progress of the run under way in this process, and what holds this
 * process's run slot ({@code runSlot}: a run, or an abandoned one still stopping; triggers are refused meanwhile).
 */
@Endpoint(id = "ingest")
class IngestStatusEndpoint {

    private final IngestLedger ledger;
    private final RunProgress progress;
    private final IngestScheduler scheduler;

    IngestStatusEndpoint(IngestLedger ledger, RunProgress progress, IngestScheduler scheduler) {
        this.ledger = ledger;
        this.progress = progress;
        this.scheduler = scheduler;
    }

    @ReadOperation
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        RunProgress.Snapshot running = this.progress.snapshot();
        status.put("running", running == null ? Map.of() : running);
        status.put("runSlot", this.scheduler.runUnderWay().orElse("free"));
        IngestState state;
        try {
            state = this.ledger.read();
        }
        catch (IngestLedger.LedgerException ex) {
            status.put("error", "state unavailable: " + ex.getMessage());
            return status;
        }
        status.put("runs", state.runs());
        Map<CandidateStatus, Integer> counts = new TreeMap<>();
        for (CandidateState candidate : state.candidates()) {
            counts.merge(candidate.status(), 1, Integer::sum);
        }
        status.put("candidates", counts);
        List<Map<String, Object>> failed = state.candidates()
            .stream()
            .filter(c -> c.status() == CandidateStatus.PERMANENTLY_FAILED)
            .map(c -> Map.<String, Object>of("url", c.url(), "issueKey", c.issueKey(), "attempts", c.attempts(),
                    "lastError", String.valueOf(c.lastError()), "lastAttempt", String.valueOf(c.lastAttempt())))
            .toList();
        status.put("permanentlyFailed", failed);
        return status;
    }
}
