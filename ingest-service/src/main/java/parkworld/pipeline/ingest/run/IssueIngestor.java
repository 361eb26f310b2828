package parkworld.pipeline.ingest.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.StoredBlob;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.FetchedDocument;
import parkworld.pipeline.ingest.store.PublishedMarks;

/**
 * One ingest run: discover issues, fetch each, store the raw PDF, announce it once. An issue whose bytes were
 * already announced is skipped, so re-running changes nothing; one failing issue never stops the others, and is not
 * marked, so the next run tries it again.
 */
public final class IssueIngestor {

    private static final Logger log = LoggerFactory.getLogger(IssueIngestor.class);

    private final IssueDiscovery discovery;
    private final DocumentReader reader;
    private final BlobStore blobs;
    private final PublishedMarks published;
    private final IssueAnnouncer announcer;
    private final Clock clock;
    private final MeterRegistry meters;

    public IssueIngestor(IssueDiscovery discovery, DocumentReader reader, BlobStore blobs, PublishedMarks published,
            IssueAnnouncer announcer, Clock clock, MeterRegistry meters) {
        this.discovery = discovery;
        this.reader = reader;
        this.blobs = blobs;
        this.published = published;
        this.announcer = announcer;
        this.clock = clock;
        this.meters = meters;
    }

    public IngestReport run() throws InterruptedException {
        Timer.Sample sample = Timer.start(this.meters);
        IssueDiscovery.Discovered discovered;
        try {
            discovered = this.discovery.discover();
        }
        catch (IOException ex) {
            log.error("Ingest run found nothing: discovery failed: {}", ex.getMessage());
            count("discovery_failed", "discovery");
            sample.stop(this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME, "failed"));
            return new IngestReport(0, List.of(), 0, List.of(), List.of(), List.of("discovery: " + ex.getMessage()));
        }
        List<IssueLink> links = discovered.links();
        log.info("Ingest run discovered {} issue(s)", links.size());
        List<String> published = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> failures = new ArrayList<>(discovered.problems());
        // The same bytes at two URLs are one issue: announced (or found unchanged) once per run.
        Map<String, IssueLink> seenThisRun = new HashMap<>();
        int unchanged = 0;
        for (IssueLink link : links) {
            MDC.put("issueKey", link.issueKey());
            try (FetchedDocument document = this.reader.read(link.uri())) {
                String sha256 = document.sha256();
                IssueLink first = seenThisRun.putIfAbsent(sha256, link);
                if (first != null) {
                    log.info("Issue {} at {} has the same bytes (sha256 {}) as {} at {}: one issue, not announced twice",
                            link.issueKey(), link.uri(), sha256, first.issueKey(), first.uri());
                    count("duplicate", "SAME_BYTES");
                    duplicates.add(link.issueKey() + " " + link.uri() + ": SAME_BYTES as " + first.issueKey() + " "
                            + first.uri());
                }
                else if (ingest(link, document)) {
                    published.add(link.issueKey());
                }
                else {
                    unchanged++;
                }
            }
            catch (InvalidEventException ex) {
                // Not the website's fault and not transient: the next run fails the same way until ingest is fixed.
                log.error("Issue {} not announced: {}; a defect of the ingest-service, nothing was published",
                        link.issueKey(), ex.getMessage());
                count("failed", DeadLetterReason.INVALID_OUTPUT.name());
                failures.add(link.issueKey() + ": " + DeadLetterReason.INVALID_OUTPUT + " " + ex.getMessage());
            }
            catch (FetchException ex) {
                if (DocumentReader.REJECTION_REASONS.contains(ex.reason())) {
                    // Read, but no issue: an error page served as .pdf, a cut-off download. Never stored or announced.
                    log.warn("Issue {} rejected: {} ({}); not announced, tried again next run", link.issueKey(),
                            ex.getMessage(), ex.reason());
                    rejected.add(link.issueKey() + ": " + ex.reason() + " " + ex.getMessage());
                }
                else {
                    log.warn("Issue {} not ingested: {} ({}); will retry next run", link.issueKey(), ex.getMessage(),
                            ex.reason());
                    failures.add(link.issueKey() + ": " + ex.reason() + " " + ex.getMessage());
                }
                count("failed", ex.reason());
            }
            catch (InterruptedException ex) {
                throw ex;
            }
            catch (Exception ex) {
                log.error("Issue {} not ingested: {}; will retry next run", link.issueKey(), ex.toString());
                count("failed", ex.getClass().getSimpleName());
                failures.add(link.issueKey() + ": " + ex);
            }
            finally {
                MDC.remove("issueKey");
            }
        }
        IngestReport report = new IngestReport(links.size(), published, unchanged, duplicates, rejected, failures);
        sample.stop(this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME,
                report.hasFailures() ? "partial" : "ok"));
        log.info("Ingest run done: discovered={} published={} unchanged={} duplicates={} rejected={} failed={}",
                report.discovered(), published.size(), unchanged, duplicates.size(), rejected.size(), failures.size());
        return report;
    }

    private boolean ingest(IssueLink link, FetchedDocument document) throws Exception {
        StoredBlob blob = this.blobs.put(document.file(), document.sha256(), document.sizeBytes());
        if (this.published.isPublished(blob.sha256())) {
            log.debug("Issue {} unchanged (sha256 {}), not announced again", link.issueKey(), blob.sha256());
            count("unchanged", "none");
            return false;
        }
        // The contract's URIs are RFC 3986, i.e. ASCII: a listing may link 园区周报总121期.pdf, which java.net.URI keeps
        // as is; its ASCII form percent-encodes it (%E5%9B%AD...), the way a browser would request it.
        IssueFetched event = new IssueFetched(IssueFetched.SCHEMA_VERSION, link.issueKey(), blob.uri().toASCIIString(),
                link.uri().toASCIIString(), blob.sha256(), blob.sizeBytes(), this.clock.instant());
        this.announcer.announce(event);
        // Marked only after the broker acknowledged: a crash in between re-announces, never loses, the issue.
        this.published.markPublished(blob.sha256());
        log.info("Issue {} announced: {} bytes, sha256 {}, from {}", link.issueKey(), blob.sizeBytes(), blob.sha256(),
                link.uri());
        count("published", "none");
        return true;
    }

    private void count(String outcome, String reason) {
        this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, outcome, PipelineMeters.TAG_REASON,
                reason).increment();
    }
}
