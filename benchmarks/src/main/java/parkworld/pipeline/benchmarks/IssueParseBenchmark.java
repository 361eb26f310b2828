package parkworld.pipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.PdfLimits;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.IssueParser;
import parkworld.pipeline.parser.structure.ParsedIssue;

/**
 * What parsing an issue costs on top of merely getting its text out: {@link #fullParse} does per issue all the
 * service does except talking to Kafka; {@link #plainExtraction} is the floor, PDFBox's own text extraction of the
 * same file. Defaults match the figures in README.md; override them on the command line as with any JMH jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// a first parse takes seconds (class loading, JIT): shorter warm-ups were still measuring the compiler
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class IssueParseBenchmark {

    /**
     * {@value IssueFile#FIXTURE} for the bundled issue-121 (22 pages), {@value IssueFile#LARGE} for one genuine issue
     * of 497 pages ({@link parkworld.pipeline.benchmarks.corpus.LargeIssue}), {@value IssueFile#MERGED} for the
     * fixture joined 25 times (550 pages, refused as {@code MULTIPLE_ISSUES} once its text is read; not in the
     * defaults), or the path of another issue PDF.
     */
    @Param({ IssueFile.FIXTURE, IssueFile.LARGE })
    public String issue;

    private Path pdf;

    private IssueParser parser;

    private IssueFetched fetched;

    @Setup(Level.Trial)
    public void openIssue() throws IOException {
        this.pdf = IssueFile.resolve(this.issue);
        // The page limit raised so that 500 pages are parsed rather than refused before extraction.
        this.parser = new IssueParser(PdfLimits.DEFAULTS.withMaxPages(1_000));
        // what ingest would have announced; its hashing is ingest's cost, not the parser's
        this.fetched = new IssueFetched(IssueFetched.SCHEMA_VERSION, "benchmark", this.pdf.toUri().toString(),
                this.pdf.toUri().toString(), "0".repeat(64), Files.size(this.pdf), Instant.now());
        if (IssueFile.LARGE.equals(this.issue)) {
            requireClean(this.parser.parse(this.pdf));
        }
    }

    /**
     * The large issue stands for a real one only while the parser reads it as it was written: a warning or a
     * degraded parse would mean the figures measure a parse gone wrong (as the fixture's repeated pages did).
     */
    private static void requireClean(ParsedIssue parsed) {
        if (!parsed.warnings().isEmpty() || (parsed.quality() != null && parsed.quality().degraded())) {
            throw new IllegalStateException("the large issue parses with " + parsed.warnings().size()
                    + " warnings, degraded " + (parsed.quality() != null && parsed.quality().degraded()) + ": "
                    + parsed.warnings().stream().limit(3).toList());
        }
    }

    @TearDown(Level.Trial)
    public void removeCopy() throws IOException {
        if (IssueFile.isTemporary(this.issue)) {
            Files.deleteIfExists(this.pdf);
        }
    }

    /** Parse, build the events and serialize them, as the service does before handing them to Kafka. */
    @Benchmark
    public long fullParse() throws IOException {
        return fullParseEvents();
    }

    /**
     * The full parse's work; the bytes of JSON written, so that none of it is optimised away (also the
     * operation {@link ParseCostRounds} times).
     */
    long fullParseEvents() throws IOException {
        ParsedIssue parsed;
        try {
            parsed = this.parser.parse(this.pdf);
        }
        catch (IssueRejectedException ex) {
            // A PDF joining several issues may be refused once its text is read (MULTIPLE_ISSUES): what it cost up
            // to that decision is what is measured then.
            return ex.getMessage().length();
        }
        IssueEvents events = IssueEvents.of(this.fetched, parsed, "benchmark", Instant.now());
        long written = 0;
        for (ArticleExtracted article : events.articles()) {
            written += EventJson.write(article).length;
        }
        return written + EventJson.write(events.summary()).length;
    }

    /** The baseline: load the PDF and extract all its text with PDFBox's default stripper. */
    @Benchmark
    public String plainExtraction() throws IOException {
        try (PDDocument document = Loader.loadPDF(this.pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
