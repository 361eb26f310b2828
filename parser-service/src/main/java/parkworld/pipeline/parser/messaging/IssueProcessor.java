package parkworld.pipeline.parser.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import parkworld.pipeline.blob.BlobFile;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.BlobUnavailableException;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.parser.pipeline.IssueOutcome;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.IssuePipeline;

/**
 * Handles one {@code IssueFetched} record on the consumer thread, inside the Kafka transaction that also commits
 * its offset: runs the {@link IssuePipeline} on the stored PDF and publishes the issue's records, or dead-letters
 * the record with its reason. Whatever goes wrong with the input (or the parser, {@code PARSER_ERROR}) ends as a
 * dead letter and the method returns normally, so the transaction commits and the consumer moves on. Only a
 * failure to publish or an interrupted shutdown propagates: the transaction is aborted, nothing of the issue becomes
 * visible to {@code read_committed} consumers, and the container decides whether to retry (transient) or
 * dead-letter (permanent).
 *
 * <p>Counters of published work are incremented only once the transaction committed: an aborted attempt that is
 * retried must not count the issue twice.
 */
public final class IssueProcessor {

    private static final Logger log = LoggerFactory.getLogger(IssueProcessor.class);

    /** Outcome of {@link PipelineMeters#PARSER_ISSUES}: published, quality within its bounds. */
    static final String OUTCOME_PARSED = "parsed";

    /** Outcome of {@link PipelineMeters#PARSER_ISSUES}: published, but a quality figure is beyond its bound. */
    static final String OUTCOME_DEGRADED = "degraded";

    private final IssuePipeline pipeline;
    private final BlobStore blobs;
    private final IssueEventSink sink;
    private final DeadLetters deadLetters;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param blobs       the blob store ingest writes to; only PDFs inside it are read
     * @param afterCommit runs an action once the current transaction committed (at once without a transaction)
     */
    public IssueProcessor(IssuePipeline pipeline, BlobStore blobs, IssueEventSink sink, DeadLetters deadLetters,
            AfterCommit afterCommit, Clock clock, MeterRegistry meters) {
        this.pipeline = pipeline;
        this.blobs = blobs;
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.meters = meters;
    }

    public void process(ConsumedRecord record) throws InterruptedException {
        IssueFetched fetched;
        try {
            fetched = EventJson.read(record.value(), IssueFetched.class);
        }
        catch (MalformedEventException ex) {
            reject(record, null, DeadLetterReason.MALFORMED_EVENT, ex.getMessage());
            return;
        }
        // Readable is not enough: a missing sha256 or a blobUri that is no URI is refused here, with the schema's
        // words, instead of failing somewhere in the parse as a parser bug. Unknown properties are accepted.
        List<String> violations = EventType.ISSUE_FETCHED.violations(record.value());
        if (!violations.isEmpty()) {
            reject(record, fetched.issueKey(), DeadLetterReason.MALFORMED_EVENT, "not a valid IssueFetched event: "
                    + String.join("; ", violations.subList(0, Math.min(3, violations.size()))));
            return;
        }
        MDC.put("issueKey", fetched.issueKey());
        try (BlobFile pdf = stored(fetched.blobUri())) {
            Timer.Sample sample = Timer.start(this.meters);
            IssueOutcome outcome = this.pipeline.run(fetched, pdf.path(), this.clock.instant());
            sample.stop(this.meters.timer(PipelineMeters.PARSER_PARSE_DURATION, PipelineMeters.TAG_OUTCOME,
                    durationOutcome(outcome)));
            int invalid = outcome.invalidArticles();
            if (invalid > 0) {
                this.afterCommit.run(() -> invalidEvents().increment(invalid));
            }
            if (outcome instanceof IssueOutcome.Rejected rejected) {
                if (rejected.cause() != null) {
                    log.error("Parser failed on issue {}", fetched.issueKey(), rejected.cause());
                }
                String message = rejected.reason() == DeadLetterReason.TIMEOUT
                        ? rejected.message() + " (parkworld.parser.time-limit)" : rejected.message();
                reject(record, fetched.issueKey(), rejected.reason(), message);
            }
            else {
                publish(fetched, ((IssueOutcome.Publishable) outcome).output());
            }
        }
        catch (BlobUnavailableException ex) {
            reject(record, fetched.issueKey(), switch (ex.reason()) {
                case MISSING -> DeadLetterReason.BLOB_MISSING;
                case OUTSIDE_STORE -> DeadLetterReason.BLOB_OUTSIDE_STORE;
            }, "stored PDF: " + ex.getMessage() + " (parkworld.parser.blob-store.location)");
        }
        catch (IOException ex) {
            // The store itself failed (S3 unreachable, credentials refused): not the record's fault. The transaction
            // is aborted and the record retried with parkworld.retry backoff until the store is back.
            throw new UncheckedIOException("blob store " + this.blobs.location() + " failed reading "
                    + fetched.blobUri() + "; retried", ex);
        }
        finally {
            MDC.remove("issueKey");
        }
    }

    /** The stored PDF the event names, as a local file (a temporary copy for S3, deleted once parsed). */
    private BlobFile stored(String blobUri) throws IOException {
        URI uri;
        try {
            uri = URI.create(blobUri);
        }
        catch (IllegalArgumentException ex) {
            throw new BlobUnavailableException(BlobUnavailableException.Reason.MISSING,
                    "URI " + blobUri + " is invalid");
        }
        return this.blobs.file(uri);
    }

    private void publish(IssueFetched fetched, IssueOutput output) {
        this.sink.publish(output);
        int articles = output.articles().size();
        var summary = output.events().summary();
        boolean degraded = summary.quality() != null && summary.quality().degraded();
        this.afterCommit.run(() -> {
            // Articles before issues: whoever watches both never sees an issue counted without its articles.
            this.meters.counter(PipelineMeters.PARSER_ARTICLES).increment(articles);
            this.meters.counter(PipelineMeters.PARSER_ISSUES, PipelineMeters.TAG_OUTCOME,
                    degraded ? OUTCOME_DEGRADED : OUTCOME_PARSED).increment();
            if (degraded) {
                log.warn("Issue {} (serial {}) published but degraded, most likely a layout the parser does not read "
                        + "well (bounds: parkworld.parser.quality.*): {}", fetched.issueKey(), summary.issue().serial(),
                        String.join("; ", summary.quality().degradedReasons()));
            }
            log.info("Issue {} (serial {}) published: {} articles, {} left out as invalid, {} warnings ({} more not "
                    + "listed); articleIds={}", fetched.issueKey(), summary.issue().serial(), articles,
                    output.invalidArticles(), summary.warnings().size(), summary.warningsOmitted(),
                    summary.articleIds());
        });
        summary.warnings().forEach(w -> log.warn("Issue {}: {}", fetched.issueKey(), w));
    }

    private Counter invalidEvents() {
        return Counter.builder(PipelineMeters.INVALID_EVENTS)
            .description("Events the parser built that broke their schema and were not published")
            .tag(PipelineMeters.TAG_EVENT_TYPE, EventType.ARTICLE_EXTRACTED.name())
            .register(this.meters);
    }

    private static String durationOutcome(IssueOutcome outcome) {
        if (outcome instanceof IssueOutcome.Rejected rejected) {
            return switch (rejected.reason()) {
                case TIMEOUT -> "timeout";
                case PARSER_ERROR -> "failed";
                default -> "rejected";
            };
        }
        return "parsed";
    }

    private void reject(ConsumedRecord record, String issueKey, DeadLetterReason reason, String message) {
        // The publisher counts and logs the dead letter; it joins the transaction that commits the record.
        this.deadLetters.publish(record, reason, message, issueKey);
    }

    /** Publishes an issue's records: its articles, then its summary. Throws when Kafka did not take them. */
    @FunctionalInterface
    public interface IssueEventSink {

        void publish(IssueOutput output);
    }

    /** Parks a record that can never be processed, with its reason (see {@code DeadLetterPublisher}). */
    @FunctionalInterface
    public interface DeadLetters {

        void publish(ConsumedRecord record, DeadLetterReason reason, String message, String subject);
    }

    /** Defers an action until the surrounding transaction committed; runs it at once when there is none. */
    @FunctionalInterface
    public interface AfterCommit {

        void run(Runnable action);
    }
}
