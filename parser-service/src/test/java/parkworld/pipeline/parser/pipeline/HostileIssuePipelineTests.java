package parkworld.pipeline.parser.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.parser.pdf.HostilePdfs;
import parkworld.pipeline.parser.pdf.PdfLimits;
import parkworld.pipeline.parser.structure.IssueParser;

/** The time limit holds inside a page: a parse past it stops, and gives its thread back. */
class HostileIssuePipelineTests {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @TempDir
    Path dir;

    private final ParseWorkers workers = new ParseWorkers(1, Clock.systemUTC());

    @AfterEach
    void stop() {
        this.workers.close();
    }

    @Test
    void stopsAParseInsideAPageAtTheTimeLimitAndFreesItsThread() throws Exception {
        // forms not capped: only the time limit can stop this page (10^8 forms)
        PdfLimits unlimitedForms = new PdfLimits(300, PdfLimits.DEFAULT_MAX_BYTES, 50, Integer.MAX_VALUE,
                PdfLimits.DEFAULT_MAX_GLYPHS_PER_PAGE, PdfLimits.DEFAULT_MAX_GLYPHS_PER_ISSUE);
        Path pdf = Files.write(this.dir.resolve("forms.pdf"), HostilePdfs.nestedForms(8, 10));
        IssueFetched fetched = new IssueFetched(1, "issue-forms", pdf.toUri().toString(), pdf.toUri().toString(),
                "0".repeat(64), Files.size(pdf), NOW);
        IssuePipeline pipeline = new IssuePipeline(new IssueParser(unlimitedForms)::parse, this.workers,
                Duration.ofMillis(500), OutputRules.DEFAULTS, "test");

        IssueOutcome outcome = pipeline.run(fetched, pdf, NOW);

        assertThat(outcome).isInstanceOfSatisfying(IssueOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(DeadLetterReason.TIMEOUT));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
            .until(() -> this.workers.busy() == 0 && this.workers.abandonedStillRunning().isEmpty());
        assertThat(Thread.getAllStackTraces().keySet()).as("threads still in PDFBox")
            .noneMatch(thread -> Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("org.apache.pdfbox")));
    }
}
