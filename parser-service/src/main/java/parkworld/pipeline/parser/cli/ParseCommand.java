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
import java.time.Instant;
import java.util.List;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.QualityProperties;
import parkworld.pipeline.parser.pipeline.IssueOutcome;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.IssueParser;
import picocli.CommandLine;

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
            "usage: java -jar parser-service.jar parse [--max-pages=N] [--time-limit=D] [--pretty] FILE.pdf"
                    + " (--help for details)";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final ParserProperties defaults;
    private final QualityProperties quality;

    public ParseCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.defaults = ServiceDefaults.parser();
        this.quality = ServiceDefaults.quality();
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
            options = ParseOptions.from(args, this.defaults);
        }
        catch (CommandLine.ParameterException ex) {
            if (ex.getCommandLine().isUsageHelpRequested()) {
                return help();
            }
            this.err.println("parse: " + ex.getMessage());
            this.err.println(SHORT_USAGE);
            return ExitCode.USAGE;
        }
        if (options.help()) {
            return help();
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

    private ExitCode help() {
        ParseOptions.commandLine(this.defaults).usage(this.out, CommandLine.Help.Ansi.OFF);
        this.out.flush();
        return ExitCode.OK;
    }

    private ExitCode parse(ParseOptions options) {
        Path file = options.file();
        String unreadable = unreadable(file);
        if (unreadable != null) {
            this.err.println("parse: " + file + ": " + unreadable);
            return ExitCode.UNREADABLE;
        }
        Instant now = this.clock.instant();
        IssueFetched fetched;
        try {
            fetched = LocalFetch.of(file, now);
        }
        catch (IOException ex) {
            this.err.println("parse: " + file + ": cannot be read: " + oneLine(String.valueOf(ex.getMessage())));
            return ExitCode.UNREADABLE;
        }
        IssueParser parser = new IssueParser(this.defaults.limits().withMaxPages(options.maxPages()),
                this.quality.rules());
        // A daemon thread: the command walks away after the time limit even if a page never finishes.
        ParseWorkers worker = ParseWorkers.single();
        IssueOutcome outcome;
        try {
            IssuePipeline pipeline = new IssuePipeline(parser::parse, worker, options.timeLimit(),
                    this.defaults.output().rules(), this.defaults.version());
            outcome = pipeline.run(fetched, file, now);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.err.println("parse: " + file + ": interrupted");
            return ExitCode.UNEXPECTED;
        }
        finally {
            worker.close();
        }
        if (outcome instanceof IssueOutcome.Rejected rejected) {
            return rejected(file, options, rejected);
        }
        IssueEvents events = ((IssueOutcome.Publishable) outcome).output().events();
        // printed only once everything is built and checked: a failure never leaves half an issue on stdout
        EventPrinter printer = new EventPrinter(options.pretty());
        for (ArticleExtracted article : events.articles()) {
            printer.print(article, this.out);
        }
        this.out.flush();
        printer.print(events.summary(), this.err);
        this.err.flush();
        // the reasons are in the summary on stderr (quality.degradedReasons), which stays one JSON document
        IssueParsed.Quality quality = events.summary().quality();
        return (quality != null && quality.degraded()) ? ExitCode.DEGRADED : ExitCode.OK;
    }

    private ExitCode rejected(Path file, ParseOptions options, IssueOutcome.Rejected rejected) {
        if (rejected.reason() == DeadLetterReason.TIMEOUT) {
            this.err.println("parse: " + file + " abandoned: TIMEOUT: parsing took longer than "
                    + IssuePipeline.human(options.timeLimit()) + " (--time-limit)");
            return ExitCode.TIMEOUT;
        }
        if (rejected.reason() == DeadLetterReason.PARSER_ERROR && rejected.cause() != null) {
            this.err.println("parse: " + file + " failed unexpectedly: " + rejected.cause());
            rejected.cause().printStackTrace(this.err);
            return ExitCode.UNEXPECTED;
        }
        this.err.println("parse: " + file + " rejected: " + rejected.reason() + ": " + oneLine(rejected.message()));
        return ExitCode.REJECTED;
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

}
