package parkworld.pipeline.parser.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.ParsedIssue;

/**
 * Handles one {@code IssueFetched} record: reads the stored PDF, parses it within the time limit and publishes the
 * articles and the summary. Whatever goes wrong with the input ends as a dead letter with a reason code, a counter
 * and a log line, and the method returns normally so the consumer moves on; a parser bug is dead-lettered too, as
 * {@code PARSER_ERROR}, so it can be replayed once fixed. Only a failure to publish (the broker) or an interrupted
 * shutdown propagates: the record is not committed and is redelivered.
 */
public final class IssueProcessor {

    private static final Logger log = LoggerFactory.getLogger(IssueProcessor.class);

    private final IssueReader reader;
    private final BlobLocator blobs;
    private final IssueEventSink sink;
    private final DeadLetterSink deadLetters;
    private final ExecutorService parsers;
    private final Duration timeLimit;
    private final String parserVersion;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param blobStore the blob store directory; only PDFs inside it are read (null: any {@code file:} URI)
     */
    public IssueProcessor(IssueReader reader, Path blobStore, IssueEventSink sink, DeadLetterSink deadLetters,
            ExecutorService parsers, Duration timeLimit, String parserVersion, Clock clock, MeterRegistry meters) {
        this.reader = reader;
        this.blobs = new BlobLocator(blobStore);
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.parsers = parsers;
        this.timeLimit = timeLimit;
        this.parserVersion = parserVersion;
        this.clock = clock;
        this.meters = meters;
    }

    public void process(IncomingRecord record) throws InterruptedException {
        IssueFetched fetched;
        try {
            fetched = EventJson.read(record.payload(), IssueFetched.class);
        }
        catch (MalformedEventException ex) {
            reject(record, "MALFORMED_EVENT", ex.getMessage());
            return;
        }
        MDC.put("issueKey", fetched.issueKey());
        try {
            Path pdf;
            try {
                pdf = this.blobs.locate(fetched.blobUri());
            }
            catch (BlobLocator.BlobUnavailable ex) {
                reject(record, ex.reason(), ex.getMessage());
                return;
            }
            Timer.Sample sample = Timer.start(this.meters);
            ParsedIssue issue;
            try {
                issue = parseWithinLimit(pdf);
            }
            catch (IssueRejectedException ex) {
                sample.stop(this.meters.timer("parkworld.parser.parse.duration", "outcome", "rejected"));
                reject(record, ex.reason().name(), ex.getMessage());
                return;
            }
            catch (TimeoutException ex) {
                sample.stop(this.meters.timer("parkworld.parser.parse.duration", "outcome", "timeout"));
                reject(record, "TIMEOUT", "parsing took longer than parkworld.parser.time-limit (" + this.timeLimit + ")");
                return;
            }
            catch (ParserBug ex) {
                sample.stop(this.meters.timer("parkworld.parser.parse.duration", "outcome", "failed"));
                log.error("Parser failed on issue {}", fetched.issueKey(), ex.getCause());
                reject(record, "PARSER_ERROR", ex.getMessage());
                return;
            }
            sample.stop(this.meters.timer("parkworld.parser.parse.duration", "outcome", "parsed"));
            IssueEvents events;
            try {
                events = IssueEvents.of(fetched, issue, this.parserVersion, this.clock.instant());
            }
            catch (RuntimeException ex) {
                log.error("Building the events of issue {} failed", fetched.issueKey(), ex);
                reject(record, "PARSER_ERROR", "building events failed: " + ex);
                return;
            }
            this.sink.publish(events);
            // Articles before issues: whoever watches both never sees an issue counted without its articles.
            this.meters.counter("parkworld.parser.articles").increment(events.articles().size());
            this.meters.counter("parkworld.parser.issues", "outcome", "parsed").increment();
            log.info("Issue {} (serial {}) parsed: {} articles, {} warnings", fetched.issueKey(),
                    events.summary().issue().serial(), events.articles().size(), events.summary().warnings().size());
            events.summary().warnings().forEach(w -> log.warn("Issue {}: {}", fetched.issueKey(), w));
        }
        finally {
            MDC.remove("issueKey");
        }
    }

    private ParsedIssue parseWithinLimit(Path pdf) throws TimeoutException, InterruptedException {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Future<ParsedIssue> parse = this.parsers.submit(() -> {
            // The parser thread logs with the same issue key as the consumer thread.
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                return this.reader.read(pdf);
            }
            finally {
                MDC.clear();
            }
        });
        try {
            return parse.get(this.timeLimit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | InterruptedException ex) {
            parse.cancel(true);
            throw ex;
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof IssueRejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof OutOfMemoryError) {
                throw new IssueRejectedException(parkworld.pipeline.parser.pdf.RejectionReason.TOO_LARGE,
                        "ran out of memory parsing the PDF; lower parkworld.parser.max-pages or raise the heap", cause);
            }
            if (cause instanceof java.util.concurrent.CancellationException || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("parse interrupted by shutdown");
            }
            if (cause instanceof java.io.IOException io) {
                throw new IssueRejectedException(parkworld.pipeline.parser.pdf.RejectionReason.DAMAGED,
                        "cannot read the PDF: " + io.getMessage(), io);
            }
            throw new ParserBug("parser failed: " + cause, cause);
        }
    }

    private void reject(IncomingRecord record, String reason, String message) {
        log.warn("Issue record {} rejected: {} {}", record.coordinates(), reason, message);
        this.deadLetters.send(record, reason, message);
        this.meters.counter("parkworld.parser.failures", "reason", reason).increment();
    }

    /** The parser itself failed: not the input's fault as far as we know. */
    private static final class ParserBug extends RuntimeException {

        ParserBug(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Turns a stored PDF into an issue; the parser behind it has no idea of Kafka. */
    @FunctionalInterface
    public interface IssueReader {

        ParsedIssue read(Path pdf) throws Exception;
    }

    /** Publishes the events of a parse; returns once the broker has them. */
    @FunctionalInterface
    public interface IssueEventSink {

        void publish(IssueEvents events);
    }

    /** Parks a record that cannot be processed, with its reason. */
    @FunctionalInterface
    public interface DeadLetterSink {

        void send(IncomingRecord record, String reason, String message);
    }

    /**
     * A consumed record as the processor needs it.
     *
     * @param payload   the raw value
     * @param topic     where it came from
     * @param partition its partition
     * @param offset    its offset
     */
    public record IncomingRecord(byte[] payload, String topic, int partition, long offset) {

        String coordinates() {
            return this.topic + "-" + this.partition + "@" + this.offset;
        }
    }
}
