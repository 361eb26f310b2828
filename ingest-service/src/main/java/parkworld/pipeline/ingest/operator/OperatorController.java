package parkworld.pipeline.ingest.operator;

import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import parkworld.pipeline.ingest.OperatorProperties;
import parkworld.pipeline.ingest.discovery.FolderDiscovery;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.run.IssueIngestor;
import parkworld.pipeline.ingest.schedule.IngestScheduler;

/**
 * Runs on demand (authenticated, see {@code SecurityConfiguration}). Each starts in the background and answers 202
 * at once, or 409 when a run is under way in this process; progress is in {@code /actuator/ingest}, the logs and the
 * {@code parkworld.ingest.run.candidates.*} gauges. Nothing here takes a URL off the configured hosts, or a folder.
 */
@RestController
@RequestMapping("/operator")
class OperatorController {

    private final IngestScheduler scheduler;
    private final IssueIngestor ingestor;
    private final HostPolicy hosts;
    private final OperatorProperties operator;
    private final TaskExecutor executor;
    private final ObservationRegistry observations;

    OperatorController(IngestScheduler scheduler, IssueIngestor ingestor, HostPolicy hosts,
            OperatorProperties operator, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            ObjectProvider<ObservationRegistry> observations) {
        this.scheduler = scheduler;
        this.ingestor = ingestor;
        this.hosts = hosts;
        this.operator = operator;
        this.executor = executor;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    @PostMapping("/runs")
    ResponseEntity<Map<String, Object>> run() {
        return start("operator", () -> this.ingestor.run("operator"));
    }

    @PostMapping("/backfills")
    ResponseEntity<Map<String, Object>> backfill(@RequestBody BackfillRequest request) {
        if (request.folder() == !request.urls().isEmpty()) {
            return refused("give either \"folder\": true or a non-empty \"urls\" list, not both");
        }
        if (request.folder()) {
            if (this.operator.backfillFolder() == null) {
                return refused("no backfill folder configured (parkworld.ingest.operator.backfill-folder)");
            }
            FolderDiscovery folder = new FolderDiscovery(this.operator.backfillFolder(),
                    "parkworld.ingest.operator.backfill-folder");
            return start("backfill folder", () -> this.ingestor.run("backfill folder", folder, true));
        }
        if (request.urls().size() > this.operator.maxBackfillUrls()) {
            return refused("at most " + this.operator.maxBackfillUrls()
                    + " URLs per backfill (parkworld.ingest.operator.max-backfill-urls)");
        }
        List<IssueLink> links = new ArrayList<>();
        List<String> refusedUrls = new ArrayList<>();
        for (String url : request.urls()) {
            URI uri = parse(url);
            if (uri != null && this.hosts.allows(uri)) {
                links.add(IssueLink.of(uri));
            }
            else {
                refusedUrls.add(url);
            }
        }
        if (!refusedUrls.isEmpty()) {
            return ResponseEntity.badRequest()
                .body(Map.of("error", "URLs off the configured origins " + this.hosts.allowedOrigins()
                        + " (parkworld.ingest.crawler.allowed-hosts); nothing started", "refused", refusedUrls));
        }
        IssueDiscovery listed = () -> IssueDiscovery.Discovered.of(links);
        String trigger = "backfill " + links.size() + " URL(s)";
        return start(trigger, () -> this.ingestor.run(trigger, listed, true));
    }

    @PostMapping("/replays")
    ResponseEntity<Map<String, Object>> replay(@RequestParam(required = false) Long fromSerial,
            @RequestParam(required = false) Long toSerial) {
        long from = fromSerial == null ? Long.MIN_VALUE : fromSerial;
        long to = toSerial == null ? Long.MAX_VALUE : toSerial;
        if (from > to) {
            return refused("fromSerial is above toSerial");
        }
        return start("replay", () -> this.ingestor.replay(from, to));
    }

    private ResponseEntity<Map<String, Object>> start(String why, IngestScheduler.IngestRun run) {
        // The slot is taken before the answer, so a 202 means this run starts and a 409 that it does not (not queued).
        Optional<IngestScheduler.Slot> slot = this.scheduler.claim(why);
        if (slot.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("error", "not started: " + this.scheduler.runUnderWay().orElse("a run is under way")
                        + "; nothing is queued, try again when it has ended", "status", "/actuator/ingest"));
        }
        // Observed as the scheduled runs are: the root span of the run's trace, carried on by each IssueFetched.
        String kind = why.startsWith("backfill") ? "backfill" : why.startsWith("replay") ? "replay" : "operator";
        try {
            this.executor.execute(() -> IngestScheduler.observed(this.observations, kind,
                    () -> this.scheduler.run(slot.get(), run)));
        }
        catch (RejectedExecutionException ex) {
            this.scheduler.release(slot.get());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "not started: the service is shutting down"));
        }
        return ResponseEntity.accepted().body(Map.of("started", why, "status", "/actuator/ingest"));
    }

    private static ResponseEntity<Map<String, Object>> refused(String why) {
        return ResponseEntity.badRequest().body(Map.of("error", why));
    }

    private static URI parse(String url) {
        try {
            return url == null ? null : new URI(url);
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }
}
