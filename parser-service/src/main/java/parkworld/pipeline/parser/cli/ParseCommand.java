package parkworld.pipeline.parser.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.PdfLimits;
import parkworld.pipeline.parser.pdf.RejectionReason;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.IssueParser;
import parkworld.pipeline.parser.structure.ParsedIssue;

/**
 * {@code parse FILE.pdf}: parses one issue PDF the way the service does and prints its events, for people who want
 * to see what an issue turns into without Kafka. Article events go to stdout, one JSON line each, and the summary
 * to stderr; on failure stderr gets one line saying why and stdout stays empty. Runs without Spring, so nothing
 * but the parse is started. {@link #run} returns the outcome; only {@link #main} ends the JVM.
 */
public final class ParseCommand {

    /** The first argument that selects this command instead of the service. */
    public static final String NAME = "parse";

    private static final String SHORT_USAGE =
            "usage: java -jar parser-service.jar parse [--max-pages N] [--time-limit D] [--pretty] FILE.pdf"
                    + " (--help for details)";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final ParserProperties defaults;

    public ParseCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.defaults = ServiceDefaults.parser();
    }

    /** Runs the command with the arguments after {@code parse} and ends the JVM with its exit status. */
    public static void main(String[] args) {
        ConsoleLogging.toStandardError();
        // UTF-8 whatever the platform default: titles are Chinese and consumers expect UTF-8 JSON
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ExitCode exit = new ParseCommand(out, err, Clock.systemUTC()).run(List.of(args));
        out.flush();
        err.flush();
        // the abandoned parse thread of a timeout is a daemon; exit anyway so nothing can hold the JVM
        System.exit(exit.status());
    }

    public ExitCode run(List<String> args) {
        ParseOptions options;
        try {
            options = ParseOptions.from(args, this.defaults.maxPages(), this.defaults.timeLimit());
        }
        catch (UsageException ex) {
            this.err.println("parse: " + ex.getMessage());
            this.err.println(SHORT_USAGE);
            return ExitCode.USAGE;
        }
        if (options.help()) {
            this.out.print(ParseOptions.USAGE.formatted(this.defaults.maxPages(), human(this.defaults.timeLimit())));
            this.out.flush();
            return ExitCode.OK;
        }
        try {
            return parse(options);
        }
        catch (RuntimeException | Error ex) {
            // a bug, not bad input: the stack trace is what a bug report needs
            this.err.println("parse: " + options.file() + " failed unexpectedly: " + ex);
            ex.printStackTrace(this.err);
            return ExitCode.UNEXPECTED;
        }
    }

    private ExitCode parse(ParseOptions options) {
        Path file = options.file();
        String unreadable = unreadable(file);
        if (unreadable != null) {
            this.err.println("parse: " + file + ": " + unreadable);
            return ExitCode.UNREADABLE;
        }
        IssueParser parser = new IssueParser(new PdfLimits(options.maxPages(), this.defaults.maxFileSize().toBytes()));
        IssueEvents events;
        try {
            events = within(options.timeLimit(), () -> {
                ParsedIssue issue = parser.parse(file);
                Instant now = this.clock.instant();
                return IssueEvents.of(LocalFetch.of(file, now), issue, this.defaults.version(), now);
            });
        }
        catch (IssueRejectedException ex) {
            this.err.println("parse: " + file + " rejected: " + ex.reason() + ": " + oneLine(ex.getMessage()));
            return ExitCode.REJECTED;
        }
        catch (TimeoutException ex) {
            this.err.println("parse: " + file + " abandoned: TIMEOUT: parsing took longer than "
                    + human(options.timeLimit()) + " (--time-limit)");
            return ExitCode.TIMEOUT;
        }
        catch (IOException ex) {
            this.err.println("parse: " + file + ": cannot be read: " + oneLine(String.valueOf(ex.getMessage())));
            return ExitCode.UNREADABLE;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.err.println("parse: " + file + ": interrupted");
            return ExitCode.UNEXPECTED;
        }
        // printed only once everything is built: a failure never leaves half an issue on stdout
        EventPrinter printer = new EventPrinter(options.pretty());
        for (ArticleExtracted article : events.articles()) {
            printer.print(article, this.out);
        }
        this.out.flush();
        printer.print(events.summary(), this.err);
        this.err.flush();
        return ExitCode.OK;
    }

    /**
     * Runs the work on a daemon thread so the caller can walk away after the time limit even if a page never
     * finishes; the parser also stops at the next page once interrupted.
     */
    private static <T> T within(Duration limit, Callable<T> work)
            throws IOException, TimeoutException, InterruptedException {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread parse = new Thread(task, "parse");
            parse.setDaemon(true);
            return parse;
        });
        try {
            Future<T> parse = thread.submit(work);
            try {
                return parse.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException | InterruptedException ex) {
                parse.cancel(true);
                throw ex;
            }
            catch (ExecutionException ex) {
                Throwable cause = ex.getCause();
                if (cause instanceof OutOfMemoryError) {
                    // as the service does: the input is too big for this heap, not a bug
                    throw new IssueRejectedException(RejectionReason.TOO_LARGE,
                            "ran out of memory parsing the PDF; lower --max-pages or raise the heap (-Xmx)", cause);
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
        finally {
            thread.shutdownNow();
        }
    }

    private static String unreadable(Path file) {
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        return Files.isReadable(file) ? null : "permission denied";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** 2m rather than PT2M. */
    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
