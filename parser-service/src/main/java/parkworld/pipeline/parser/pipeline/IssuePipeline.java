package parkworld.pipeline.parser.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.Messages;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.ParsedIssue;

/**
 * One issue from stored PDF to the records to publish, the same for the Kafka function and the {@code parse}
 * command: parse, enrich and build the events, then check them against the contract ({@link OutputCheck}), all on
 * a worker thread under one time limit, so a pathological PDF or enrichment cannot hold the caller longer. Knows
 * nothing of Kafka or Spring: it returns what to publish, or why nothing of the issue may be.
 */
public final class IssuePipeline {

    /** {@code ce_source} of every record the parser publishes. */
    public static final String EVENT_SOURCE = "/parkworld/parser-service";

    private final IssueReader reader;
    private final ParseWorkers workers;
    private final Duration timeLimit;
    private final String parserVersion;
    private final OutputCheck check;

    /**
     * @param reader        turns a PDF into an issue (the parser)
     * @param workers       runs each parse; a parse past its limit is abandoned (interrupted, and stopped by the
     *                      PDF reader at its next content-stream operator)
     * @param timeLimit     for parse, enrichment, events and checks together
     * @param rules         what the output must satisfy
     * @param parserVersion recorded in every article
     */
    public IssuePipeline(IssueReader reader, ParseWorkers workers, Duration timeLimit, OutputRules rules,
            String parserVersion) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.parserVersion = Objects.requireNonNull(parserVersion, "parserVersion");
        this.check = new OutputCheck(rules, EVENT_SOURCE);
    }

    public Duration timeLimit() {
        return this.timeLimit;
    }

    /**
     * @param fetched  the announcement of the issue
     * @param pdf      its stored PDF, readable
     * @param parsedAt the {@code parsedAt} of every event
     * @return the checked records, or why the issue is rejected
     * @throws InterruptedException when the caller is interrupted (shutdown): nothing was decided
     * @throws ParseWorkers.AllThreadsBusy when no parse thread is free (abandoned parses hold them all): nothing was
     *         decided, try again later
     */
    public IssueOutcome run(IssueFetched fetched, Path pdf, Instant parsedAt) throws InterruptedException {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        ParseWorkers.Parse<IssueOutcome> work = this.workers.start(fetched.issueKey(), () -> {
            // The worker logs with the caller's issue key.
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                ParsedIssue issue = this.reader.read(pdf);
                return this.check.check(IssueEvents.of(fetched, issue, this.parserVersion, parsedAt));
            }
            finally {
                MDC.clear();
            }
        });
        try {
            return work.get(this.timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            work.abandon();
            return new IssueOutcome.Rejected(DeadLetterReason.TIMEOUT,
                    "parsing took longer than the time limit of " + human(this.timeLimit));
        }
        catch (InterruptedException ex) {
            work.abandon();
            throw ex;
        }
        catch (ExecutionException ex) {
            return failed(ex.getCause());
        }
        catch (CancellationException ex) {
            throw new InterruptedException("parse cancelled by shutdown");
        }
    }

    private static IssueOutcome failed(Throwable cause) throws InterruptedException {
        if (cause instanceof IssueRejectedException rejected) {
            return new IssueOutcome.Rejected(rejected.reason(), rejected.getMessage());
        }
        if (cause instanceof OutOfMemoryError) {
            // the input is too big for this heap, not a bug
            return new IssueOutcome.Rejected(DeadLetterReason.TOO_LARGE,
                    "ran out of memory parsing the PDF; lower the page limit or raise the heap");
        }
        if (cause instanceof InterruptedException || cause instanceof CancellationException
                || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("parse interrupted by shutdown");
        }
        if (cause instanceof IOException io) {
            return new IssueOutcome.Rejected(DeadLetterReason.DAMAGED,
                    "cannot read the PDF: " + Messages.oneLine(String.valueOf(io.getMessage())));
        }
        // anything else is the parser's fault on this input: replayable once fixed
        // The message names the failure and where it happened, not its text, which may quote the PDF.
        StackTraceElement[] trace = cause.getStackTrace();
        return new IssueOutcome.Rejected(DeadLetterReason.PARSER_ERROR, "parser failed: " + cause.getClass().getName()
                + (trace.length > 0 ? " at " + trace[0] : ""), cause, 0);
    }

    /** 2m rather than PT2M. */
    public static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Turns a stored PDF into an issue; the parser behind it has no idea of Kafka. */
    @FunctionalInterface
    public interface IssueReader {

        ParsedIssue read(Path pdf) throws Exception;
    }
}
