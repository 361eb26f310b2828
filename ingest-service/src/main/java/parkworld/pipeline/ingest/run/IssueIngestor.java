package parkworld.pipeline.ingest.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.BlobUnavailableException;
import parkworld.pipeline.blob.StoredBlob;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.fetch.DocumentFetch;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.FetchedDocument;
import parkworld.pipeline.ingest.fetch.Validators;
import parkworld.pipeline.ingest.state.CandidateState;
import parkworld.pipeline.ingest.state.CandidateStatus;
import parkworld.pipeline.ingest.state.IngestLedger;
import parkworld.pipeline.ingest.state.IngestLedger.FencedException;
import parkworld.pipeline.ingest.state.IngestLedger.LedgerException;
import parkworld.pipeline.ingest.state.RunSummary;

/**
 * One ingest run: discover issues, fetch each, store the raw PDF, announce it once. What was announced, failed or
 * rejected is on the {@link IngestLedger}, shared by all replicas: bytes announced before (at this URL or another) are
 * not announced again, a failed candidate is tried again on later runs up to {@code maxAttempts}, then left as
 * permanently failed. Each announcement commits with its candidate's state, so a run that dies resumes where it
 * stopped; a run that another replica takes over stops at once. One failing issue never stops the others.
 */
public final class IssueIngestor {

    private static final Logger log = LoggerFactory.getLogger(IssueIngestor.class);

    private final IssueDiscovery discovery;
    private final DocumentReader reader;
    private final BlobStore blobs;
    private final IngestLedger ledger;
    private final int maxAttempts;
    private final String replica;
    private final RunProgress progress;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param discovery   where the scheduled runs find candidates
     * @param maxAttempts failed attempts in a row after which a candidate is permanently failed
     * @param replica     names this process in the run summaries
     */
    public IssueIngestor(IssueDiscovery discovery, DocumentReader reader, BlobStore blobs, IngestLedger ledger,
            int maxAttempts, String replica, RunProgress progress, Clock clock, MeterRegistry meters) {
        this.discovery = discovery;
        this.reader = reader;
        this.blobs = blobs;
        this.ledger = ledger;
        this.maxAttempts = maxAttempts;
        this.replica = replica;
        this.progress = progress;
        this.clock = clock;
        this.meters = meters;
    }

    /** A run over the configured source. */
    public IngestReport run() throws InterruptedException {
        return run("run");
    }

    /** A run over the configured source, started for {@code trigger} ({@code startup}, {@code operator}, ...). */
    public IngestReport run(String trigger) throws InterruptedException {
        return run(trigger, this.discovery, false);
    }

    /**
     * A run over the candidates {@code source} finds (the configured source, a backfill folder, a list of URLs).
     *
     * @param retryPermanentlyFailed also try candidates that failed too often (an operator asked for them)
     */
    public IngestReport run(String trigger, IssueDiscovery source, boolean retryPermanentlyFailed)
            throws InterruptedException {
        Instant startedAt = this.clock.instant();
        Timer.Sample sample = Timer.start(this.meters);
        IngestLedger.Session session;
        try {
            session = this.ledger.open();
        }
        catch (LedgerException ex) {
            log.error("Ingest run ({}) not started: the state cannot be read: {}", trigger, ex.getMessage());
            count("failed", "STATE_UNAVAILABLE");
            sample.stop(this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME, "failed"));
            return new IngestReport(0, List.of(), 0, List.of(), List.of(), List.of("state: " + ex.getMessage()),
                    List.of());
        }
        try (session) {
            Run run = new Run(trigger, session, retryPermanentlyFailed);
            IngestReport report = run.over(source);
            sample.stop(this.meters.timer(PipelineMeters.INGEST_RUN_DURATION, PipelineMeters.TAG_OUTCOME, run.outcome));
            if (!run.fenced) {
                finish(session, run.summary(startedAt, report));
            }
            return report;
        }
        finally {
            this.progress.ended();
        }
    }

    /**
     * Re-announces issues already in the blob store, as the state records them, without fetching anything: so a new
     * parser version re-parses the archive. Each stored document once, whatever number of URLs it was found at.
     * Each blob is looked up first (its size, without reading it): one that is gone ({@code BLOB_MISSING}), of
     * another size or SHA-256 ({@code BLOB_CORRUPT}), outside the store ({@code BLOB_OUTSIDE_STORE}: the store
     * moved) or that the store cannot tell ({@code BLOB_STORE_UNAVAILABLE}) is not announced, since the parser could
     * only dead-letter it: it is counted, logged and listed with its reason in the run summary; a candidate whose blob
     * is gone or wrong is recorded as failed, so the next run downloads it in full and stores it again.
     *
     * @param fromSerial lowest issue serial to replay, inclusive ({@code Long.MIN_VALUE}: from the first)
     * @param toSerial   highest, inclusive ({@code Long.MAX_VALUE}: to the last); keys without a serial are replayed
     *                   only when both bounds are open
     */
    public IngestReport replay(long fromSerial, long toSerial) {
        boolean all = fromSerial == Long.MIN_VALUE && toSerial == Long.MAX_VALUE;
        String trigger = "replay " + (all ? "all" : fromSerial + ".." + toSerial);
        Instant startedAt = this.clock.instant();
        List<String> published = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean fenced = false;
        try (IngestLedger.Session session = this.ledger.open()) {
            Map<String, CandidateState> bySha256 = new HashMap<>();
            for (CandidateState candidate : session.state().candidates()) {
                long serial = candidate.serial();
                boolean inRange = all || (serial >= 0 && serial >= fromSerial && serial <= toSerial);
                if (candidate.sha256() != null && candidate.blobUri() != null && inRange) {
                    bySha256.putIfAbsent(candidate.sha256(), candidate);
                }
            }
            this.progress.started(trigger, bySha256.size());
            for (CandidateState candidate : bySha256.values()) {
                if (Thread.currentThread().isInterrupted()) {
                    log.warn("Replay interrupted after {} issue(s)", published.size());
                    break;
                }
                Optional<String> problem = blobProblem(candidate);
                if (problem.isPresent()) {
                    String reason = problem.get().substring(0, problem.get().indexOf(' '));
                    log.error("Issue {} not replayed: {}", candidate.issueKey(), problem.get());
                    count("failed", reason);
                    failures.add(candidate.issueKey() + ": " + problem.get());
                    try {
                        // The blob is gone or wrong: recorded failed, so the next run downloads it in full and stores
                        // it again. A store that cannot answer says nothing about the blob: nothing recorded.
                        if (!reason.equals("BLOB_STORE_UNAVAILABLE")) {
                            session.record(candidate.storeFailed(problem.get(), this.clock.instant()));
                        }
                    }
                    catch (FencedException ex) {
                        log.warn("Replay stopped, FENCED: {}", ex.getMessage());
                        failures.add("replay: FENCED " + ex.getMessage());
                        fenced = true;
                        break;
                    }
                    catch (LedgerException ex) {
                        log.warn("Failure of {} not recorded: {}", candidate.url(), ex.getMessage());
                    }
                    this.progress.candidateDone();
                    continue;
                }
                IssueFetched event = new IssueFetched(IssueFetched.SCHEMA_VERSION, candidate.issueKey(),
                        candidate.blobUri(), candidate.url(), candidate.sha256(), candidate.sizeBytes(),
                        this.clock.instant());
                try {
                    session.announce(candidate, event);
                    published.add(candidate.issueKey());
                    count("replayed", "none");
                }
                catch (FencedException ex) {
                    log.warn("Replay stopped, FENCED: {}", ex.getMessage());
                    failures.add("replay: FENCED " + ex.getMessage());
                    fenced = true;
                    break;
                }
                catch (LedgerException | InvalidEventException ex) {
                    log.error("Issue {} not replayed: {}", candidate.issueKey(), ex.getMessage());
                    failures.add(candidate.issueKey() + ": " + ex.getMessage());
                }
                this.progress.candidateDone();
            }
            IngestReport report = new IngestReport(bySha256.size(), published, 0, List.of(), List.of(), failures,
                    List.of());
            if (!fenced) {
                finish(session, new RunSummary(trigger, this.replica, startedAt, this.clock.instant(),
                        failures.isEmpty() ? "ok" : "partial", bySha256.size(), published.size(), 0, 0, 0, 0,
                        failures.size(), 0, failures));
            }
            log.info("Replay done: {} issue(s) re-announced, {} failed", published.size(), failures.size());
            return report;
        }
        catch (LedgerException ex) {
            log.error("Replay not started: the state cannot be read: {}", ex.getMessage());
            return new IngestReport(0, List.of(), 0, List.of(), List.of(), List.of("state: " + ex.getMessage()),
                    List.of());
        }
        finally {
            this.progress.ended();
        }
    }

    /**
     * What is wrong with the blob the state records for {@code candidate} ("REASON message"), or empty when it is
     * stored with the recorded size and SHA-256. Cheap: a file's size or an S3 HEAD, no bytes read.
     */
    private Optional<String> blobProblem(CandidateState candidate) {
        URI uri;
        try {
            uri = URI.create(candidate.blobUri());
        }
        catch (IllegalArgumentException ex) {
            return Optional.of("BLOB_MISSING the state names no valid blob URI (" + candidate.blobUri() + ")");
        }
        try {
            var stored = this.blobs.stat(uri);
            if (stored.sizeBytes() != candidate.sizeBytes()) {
                return Optional.of("BLOB_CORRUPT " + uri + " has " + stored.sizeBytes() + " bytes, the state says "
                        + candidate.sizeBytes());
            }
            if (!stored.sha256().equals(candidate.sha256())) {
                return Optional.of("BLOB_CORRUPT " + uri + " is stored as sha256 " + stored.sha256()
                        + ", the state says " + candidate.sha256());
            }
            return Optional.empty();
        }
        catch (BlobUnavailableException ex) {
            return Optional.of((ex.reason() == BlobUnavailableException.Reason.MISSING ? "BLOB_MISSING "
                    : "BLOB_OUTSIDE_STORE ") + ex.getMessage());
        }
        catch (IOException ex) {
            return Optional.of("BLOB_STORE_UNAVAILABLE " + ex.getMessage());
        }
    }

    private static void finish(IngestLedger.Session session, RunSummary summary) {
        try {
            session.finish(summary);
        }
        catch (LedgerException ex) {
            log.warn("Run summary not recorded (the status view will not show this run): {}", ex.getMessage());
        }
    }

    /** One run's counts and decisions. */
    private final class Run {

        final String trigger;
        final IngestLedger.Session session;
        final boolean retryPermanentlyFailed;
        final List<String> published = new ArrayList<>();
        final List<String> duplicates = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<String> permanentlyFailed = new ArrayList<>();
        // The same bytes at two URLs are one issue: announced (or found unchanged) once per run.
        final Map<String, IssueLink> seenThisRun = new HashMap<>();
        int unchanged;
        /** Of the unchanged, those the server answered with 304 Not Modified (not downloaded). */
        int notModified;
        int discovered;
        boolean fenced;
        String outcome = "ok";

        Run(String trigger, IngestLedger.Session session, boolean retryPermanentlyFailed) {
            this.trigger = trigger;
            this.session = session;
            this.retryPermanentlyFailed = retryPermanentlyFailed;
        }

        IngestReport over(IssueDiscovery source) throws InterruptedException {
            IssueDiscovery.Discovered found;
            try {
                found = source.discover();
            }
            catch (IOException ex) {
                log.error("Ingest run ({}) found nothing: discovery failed: {}", this.trigger, ex.getMessage());
                count("discovery_failed", "discovery");
                this.outcome = "failed";
                this.failures.add("discovery: " + ex.getMessage());
                return report();
            }
            List<IssueLink> links = found.links();
            this.discovered = links.size();
            this.failures.addAll(found.problems());
            log.info("Ingest run ({}) discovered {} issue(s)", this.trigger, links.size());
            IssueIngestor.this.progress.started(this.trigger, links.size());
            for (IssueLink listed : links) {
                IssueLink link = keyed(listed);
                // An abandoned run (past its deadline) is interrupted: it stops before the next candidate, even when
                // the one it was on swallowed the interrupt (a download cut off at its own deadline).
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("ingest run (" + this.trigger + ") interrupted after "
                            + IssueIngestor.this.progress.doneSoFar() + " of " + links.size() + " candidate(s)");
                }
                MDC.put("issueKey", link.issueKey());
                try {
                    candidate(link);
                }
                catch (FencedException ex) {
                    log.warn("Ingest run ({}) stopped, FENCED: {}", this.trigger, ex.getMessage());
                    this.failures.add("run: FENCED " + ex.getMessage());
                    this.fenced = true;
                    this.outcome = "fenced";
                    break;
                }
                finally {
                    MDC.remove("issueKey");
                }
                IssueIngestor.this.progress.candidateDone();
            }
            IngestReport report = report();
            if (!this.fenced) {
                this.outcome = report.hasFailures() ? "partial" : "ok";
            }
            log.info("Ingest run ({}) done: discovered={} published={} unchanged={} duplicates={} rejected={} "
                    + "failed={} permanently-failed={}", this.trigger, report.discovered(), this.published.size(),
                    this.unchanged, this.duplicates.size(), this.rejected.size(), this.failures.size(),
                    this.permanentlyFailed.size());
            return report;
        }

        /**
         * {@code link} under the key it is known by: a link keyed only by its URL (a backfill names bare URLs: file
         * name, or a hash for a download endpoint) keeps the key recorded for that URL, which a listing may have given
         * it ({@code 总124期}); a key from the listing's serial wins, as it says which issue this is.
         */
        private IssueLink keyed(IssueLink link) {
            if (!link.issueKey().equals(IssueLink.of(link.uri()).issueKey())) {
                return link;
            }
            return this.session.state().candidate(link.uri().toASCIIString())
                .filter(known -> !known.issueKey().equals(link.issueKey()))
                .map(known -> new IssueLink(link.uri(), known.issueKey()))
                .orElse(link);
        }

        private void candidate(IssueLink link) throws InterruptedException, FencedException {
            String url = link.uri().toASCIIString();
            Instant now = IssueIngestor.this.clock.instant();
            CandidateState known = this.session.state().candidate(url)
                .orElseGet(() -> CandidateState.firstSeen(url, link.issueKey(), now));
            if (known.status() == CandidateStatus.PERMANENTLY_FAILED && !this.retryPermanentlyFailed) {
                log.debug("Issue {} at {} not tried: permanently failed after {} attempts ({})", link.issueKey(), url,
                        known.attempts(), known.lastError());
                count("permanently_failed", "none");
                this.permanentlyFailed.add(link.issueKey() + " " + url + ": PERMANENTLY_FAILED after "
                        + known.attempts() + " attempts, last " + known.lastError());
                return;
            }
            if (known.status() == CandidateStatus.PERMANENTLY_FAILED) {
                known = new CandidateState(known.url(), known.issueKey(), CandidateStatus.FAILED, known.sha256(),
                        known.sizeBytes(), known.blobUri(), known.etag(), known.lastModified(), 0, known.lastError(),
                        known.firstSeen(), known.lastAttempt(), known.lastAnnounced());
            }
            // Validators only for what was announced: a 304 then means "unchanged, announced"; a failed or rejected
            // candidate is downloaded again in full.
            Validators validators = known.status() == CandidateStatus.ANNOUNCED
                    ? new Validators(known.etag(), known.lastModified()) : Validators.none();
            try {
                DocumentFetch fetch = IssueIngestor.this.reader.read(link.uri(), validators);
                if (fetch instanceof DocumentFetch.NotModified) {
                    log.debug("Issue {} not modified (304), not downloaded", link.issueKey());
                    count("unchanged", "NOT_MODIFIED");
                    this.unchanged++;
                    this.notModified++;
                    return;
                }
                try (FetchedDocument document = ((DocumentFetch.Fetched) fetch).document()) {
                    fetched(link, known, document, now);
                }
            }
            catch (InvalidEventException ex) {
                // Not the website's fault and not transient: the next run fails the same way until ingest is fixed.
                log.error("Issue {} not announced: {}; a defect of the ingest-service, nothing was published",
                        link.issueKey(), ex.getMessage());
                count("failed", DeadLetterReason.INVALID_OUTPUT.name());
                failed(known, CandidateStatus.FAILED, DeadLetterReason.INVALID_OUTPUT + " " + ex.getMessage(), now);
            }
            catch (FetchException ex) {
                boolean rejection = DocumentReader.REJECTION_REASONS.contains(ex.reason());
                // Read, but no issue: an error page served as .pdf, a cut-off download. Never stored or announced.
                log.warn("Issue {} {}: {} ({}); tried again on a later run", link.issueKey(),
                        rejection ? "rejected" : "not ingested", ex.getMessage(), ex.reason());
                count("failed", ex.reason());
                failed(known, rejection ? CandidateStatus.REJECTED : CandidateStatus.FAILED,
                        ex.reason() + " " + ex.getMessage(), now);
            }
            catch (BlobStoreFailure ex) {
                // Ingest's own storage refused (S3 credentials, an outage): not the candidate's fault, so the attempt
                // does not count towards the retry limit. Nothing was announced; S3 stores an object whole or not at
                // all, a directory store moves a complete copy into place, so nothing half-stored either.
                log.error("Issue {} not stored, not announced: {}; tried again on the next run", link.issueKey(),
                        ex.getMessage());
                count("failed", "BLOB_STORE_UNAVAILABLE");
                String error = "BLOB_STORE_UNAVAILABLE " + ex.getMessage();
                this.failures.add(known.issueKey() + ": " + error);
                try {
                    this.session.record(known.storeFailed(error, now));
                }
                catch (FencedException fenced) {
                    throw fenced;
                }
                catch (LedgerException unrecorded) {
                    log.warn("Failure of {} not recorded: {}", known.url(), unrecorded.getMessage());
                }
            }
            catch (FencedException ex) {
                throw ex;
            }
            catch (LedgerException ex) {
                // Kafka refused the transaction: nothing of it is visible; the next run tries again.
                log.error("Issue {} not announced: {}; will retry next run", link.issueKey(), ex.getMessage());
                count("failed", "STATE_UNAVAILABLE");
                this.failures.add(link.issueKey() + ": STATE_UNAVAILABLE " + ex.getMessage());
            }
            catch (InterruptedException ex) {
                throw ex;
            }
            catch (Exception ex) {
                log.error("Issue {} not ingested: {}; will retry next run", link.issueKey(), ex.toString());
                count("failed", ex.getClass().getSimpleName());
                failed(known, CandidateStatus.FAILED, ex.toString(), now);
            }
        }

        private void fetched(IssueLink link, CandidateState known, FetchedDocument document, Instant now)
                throws BlobStoreFailure, LedgerException, InvalidEventException {
            String sha256 = document.sha256();
            IssueLink first = this.seenThisRun.putIfAbsent(sha256, link);
            if (first != null) {
                log.info("Issue {} at {} has the same bytes (sha256 {}) as {} at {}: one issue, not announced twice",
                        link.issueKey(), link.uri(), sha256, first.issueKey(), first.uri());
                count("duplicate", "SAME_BYTES");
                this.duplicates.add(link.issueKey() + " " + link.uri() + ": SAME_BYTES as " + first.issueKey()
                        + " " + first.uri());
                // Recorded with the validators it came with, as a second URL found on a later run is: else the next
                // run downloads it in full again (no validators to send) only to find the same bytes.
                Optional<CandidateState> announced = this.session.state().announcedWithSha256(sha256);
                if (announced.isPresent()) {
                    recordSameBytes(link, known, announced.get(), announced.get().blobUri(), document, now);
                }
                return;
            }
            // Stored before it is announced, outside the transaction (the store cannot join it): a crash in between
            // leaves a blob nobody announced, named by its sha256, which the next run's put finds and announces.
            // Bytes announced before are put too (a no-op when stored): that repairs a blob lost from the store.
            StoredBlob blob;
            try {
                blob = IssueIngestor.this.blobs.put(document.file(), sha256, document.sizeBytes());
            }
            catch (IOException ex) {
                throw new BlobStoreFailure(ex);
            }
            Optional<CandidateState> announcedBefore = this.session.state().announcedWithSha256(sha256);
            if (announcedBefore.isPresent()) {
                unchanged(link, known, announcedBefore.get(), blob, document, now);
                return;
            }
            announce(link, known, blob, document, now);
        }

        private void announce(IssueLink link, CandidateState known, StoredBlob blob, FetchedDocument document,
                Instant now)
                throws LedgerException, InvalidEventException {
            // The contract's URIs are RFC 3986, i.e. ASCII: a listing may link 园区周报总121期.pdf, which java.net.URI
            // keeps as is; its ASCII form percent-encodes it (%E5%9B%AD...), the way a browser would request it.
            IssueFetched event = new IssueFetched(IssueFetched.SCHEMA_VERSION, link.issueKey(),
                    blob.uri().toASCIIString(), link.uri().toASCIIString(), blob.sha256(), blob.sizeBytes(), now);
            CandidateState next = known.announced(link.issueKey(), blob.sha256(), blob.sizeBytes(),
                    blob.uri().toASCIIString(), document.etag(), document.lastModified(), now);
            this.session.announce(next, event);
            log.info("Issue {} announced: {} bytes, sha256 {}, from {}", link.issueKey(), blob.sizeBytes(),
                    blob.sha256(), link.uri());
            count("published", "none");
            this.published.add(link.issueKey());
        }

        private void unchanged(IssueLink link, CandidateState known, CandidateState announced, StoredBlob blob,
                FetchedDocument document, Instant now) throws LedgerException {
            log.debug("Issue {} unchanged (sha256 {}), not announced again", link.issueKey(), announced.sha256());
            count("unchanged", "none");
            this.unchanged++;
            recordSameBytes(link, known, announced, blob.uri().toASCIIString(), document, now);
        }

        /**
         * Records {@code known} as announced with the bytes of {@code announced}, stored at {@code blobUri}, unless it
         * already is so.
         */
        private void recordSameBytes(IssueLink link, CandidateState known, CandidateState announced, String blobUri,
                FetchedDocument document, Instant now) throws LedgerException {
            if (known.status() != CandidateStatus.ANNOUNCED || !announced.sha256().equals(known.sha256())
                    || !blobUri.equals(known.blobUri())
                    || !Objects.equals(known.etag(), document.etag())
                    || !Objects.equals(known.lastModified(), document.lastModified())) {
                // Recorded so this URL counts as announced too (same bytes elsewhere), attempts start over, and the
                // next run's conditional GET sends the validators the server gave now.
                this.session.record(new CandidateState(known.url(), link.issueKey(), CandidateStatus.ANNOUNCED,
                        announced.sha256(), announced.sizeBytes(), blobUri, document.etag(),
                        document.lastModified(), 0, null, known.firstSeen(), now, announced.lastAnnounced()));
            }
        }

        private void failed(CandidateState known, CandidateStatus failure, String error, Instant now)
                throws FencedException {
            CandidateState next = known.attemptFailed(failure, error, IssueIngestor.this.maxAttempts, now);
            String line = known.issueKey() + ": " + error
                    + (next.status() == CandidateStatus.PERMANENTLY_FAILED
                            ? " (PERMANENTLY_FAILED after " + next.attempts() + " attempts)" : "");
            (failure == CandidateStatus.REJECTED ? this.rejected : this.failures).add(line);
            try {
                this.session.record(next);
            }
            catch (FencedException ex) {
                throw ex;
            }
            catch (LedgerException ex) {
                log.warn("Failure of {} not recorded: {}", known.url(), ex.getMessage());
            }
        }

        IngestReport report() {
            return new IngestReport(this.discovered, this.published, this.unchanged, this.duplicates, this.rejected,
                    this.failures, this.permanentlyFailed);
        }

        RunSummary summary(Instant startedAt, IngestReport report) {
            List<String> reasons = new ArrayList<>(report.rejected());
            reasons.addAll(report.failures());
            reasons.addAll(report.permanentlyFailed());
            // Not failures, but where the rest of what was found went: the status view accounts for every candidate.
            reasons.addAll(report.duplicates());
            return new RunSummary(this.trigger, IssueIngestor.this.replica, startedAt,
                    IssueIngestor.this.clock.instant(), this.outcome, report.discovered(), report.published().size(),
                    report.unchanged(), this.notModified, report.duplicates().size(), report.rejected().size(),
                    report.failures().size(), report.permanentlyFailed().size(), reasons);
        }
    }

    /** The blob store failed storing a document (not the document's fault). */
    private static final class BlobStoreFailure extends Exception {

        BlobStoreFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void count(String outcome, String reason) {
        this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, outcome, PipelineMeters.TAG_REASON,
                reason).increment();
    }
}
