package parkworld.pipeline.parser.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.IssueParser;
import parkworld.pipeline.parser.structure.ParsedIssue;

/** The pipeline on generated issue PDFs whose articles break the contract, as a layout the parser misreads would. */
class IssuePipelineTests {

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

    @TempDir
    Path dir;

    private final ParseWorkers workers = new ParseWorkers(2, java.time.Clock.systemUTC());

    @AfterEach
    void stop() {
        this.workers.close();
    }

    private IssueOutcome run(byte[] pdf, OutputRules rules) throws Exception {
        Path file = Files.write(this.dir.resolve("issue-121.pdf"), pdf);
        IssueFetched fetched = new IssueFetched(1, "issue-121", file.toUri().toString(), file.toUri().toString(),
                "0".repeat(64), pdf.length, NOW);
        IssueParser parser = new IssueParser();
        return new IssuePipeline(parser::parse, this.workers, Duration.ofMinutes(1), rules, "test").run(fetched, file,
                NOW);
    }

    @Test
    void leavesOutAnArticleWithAnEmptySectionAndListsItInTheSummaryWarnings() throws Exception {
        IssueOutcome outcome = run(GeneratedIssues.issue(10, 1, false), OutputRules.DEFAULTS);

        assertThat(outcome).isInstanceOf(IssueOutcome.Publishable.class);
        IssueOutput output = ((IssueOutcome.Publishable) outcome).output();
        assertThat(output.invalidArticles()).isEqualTo(1);
        assertThat(output.events().articles()).hasSize(9).extracting(ArticleExtracted::ordinal)
            .doesNotContain(1);
        assertThat(output.articles()).allSatisfy(r -> assertThat(EventType.ARTICLE_EXTRACTED.violations(r.value()))
            .isEmpty());
        assertThat(output.events().summary().articleIds()).hasSize(9)
            .containsExactlyElementsOf(output.articles().stream().map(OutgoingRecord::key).toList());
        assertThat(output.events().summary().articlesPerSection()).containsExactly(org.assertj.core.api.Assertions
            .entry("招商引资", 9));
        assertThat(output.events().summary().warnings()).anySatisfy(w -> assertThat(w)
            .startsWith("Article 1 \"" + GeneratedIssues.title(1) + "\" not published: it breaks the ArticleExtracted schema: ")
            .contains("/section"));
        assertThat(EventType.ISSUE_PARSED.violations(output.summary().value())).isEmpty();
        assertThat(output.articles().get(0).headers()).containsEntry(CloudEventHeaders.SECTION, "招商引资")
            .containsEntry(CloudEventHeaders.SOURCE, IssuePipeline.EVENT_SOURCE);
    }

    @Test
    void publishesAnIssueWithMoreWarningsThanTheSchemaListsWithTheFirstOnesAndTheirCount() throws Exception {
        byte[] pdf = GeneratedIssues.issue(10, 1, false);
        Path file = Files.write(this.dir.resolve("issue-121.pdf"), pdf);
        IssueFetched fetched = new IssueFetched(1, "issue-121", file.toUri().toString(), file.toUri().toString(),
                "0".repeat(64), pdf.length, NOW);
        // a large issue read badly: 1,500 warnings of the schema's longest, far more than its maxItems of 1,000
        IssueParser parser = new IssueParser();
        IssuePipeline.IssueReader noisy = (path) -> {
            ParsedIssue parsed = parser.parse(path);
            List<String> warnings = new ArrayList<>();
            for (int i = 1; i <= 1_500; i++) {
                warnings.add(("Warning " + i + " ").repeat(200).substring(0, 2_000));
            }
            return new ParsedIssue(parsed.metadata(), parsed.articles(), warnings, parsed.pageCount(),
                    parsed.quality());
        };

        IssueOutcome outcome = new IssuePipeline(noisy, this.workers, Duration.ofMinutes(1), OutputRules.DEFAULTS,
                "test").run(fetched, file, NOW);

        assertThat(outcome).isInstanceOf(IssueOutcome.Publishable.class);
        IssueOutput output = ((IssueOutcome.Publishable) outcome).output();
        IssueParsed summary = output.events().summary();
        assertThat(summary.warnings()).hasSize(IssueEvents.MAX_WARNINGS);
        assertThat(summary.warnings().get(0)).startsWith("Warning 1 ");
        assertThat(summary.warnings().get(IssueEvents.MAX_WARNINGS - 2)).startsWith("Warning 199 ");
        assertThat(summary.warnings().get(IssueEvents.MAX_WARNINGS - 1)).as("the article left out is listed")
            .startsWith("Article 1 \"" + GeneratedIssues.title(1) + "\" not published");
        assertThat(summary.warningsOmitted()).isEqualTo(1_500 + 1 - IssueEvents.MAX_WARNINGS);
        assertThat(EventType.ISSUE_PARSED.violations(output.summary().value())).isEmpty();
        assertThat(output.summary().serializedSize()).isLessThan(OutputRules.DEFAULTS.maxRecordBytes());
        assertThat(new String(output.summary().value(), java.nio.charset.StandardCharsets.UTF_8))
            .contains("\"warningsOmitted\":1301");
    }

    @Test
    void rejectsAnIssueLosingMoreThanTheAllowedShareOfItsArticlesAsInvalidOutput() throws Exception {
        IssueOutcome outcome = run(GeneratedIssues.issue(10, 2, false), OutputRules.DEFAULTS);

        assertThat(outcome).isInstanceOfSatisfying(IssueOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(DeadLetterReason.INVALID_OUTPUT);
            assertThat(rejected.invalidArticles()).isEqualTo(2);
            assertThat(rejected.message()).startsWith("2 of 10 articles break the ArticleExtracted schema")
                .contains("max-invalid-share (0.10)").contains("article 1:").contains("article 2:")
                .as("describes the input without quoting it").doesNotContain(GeneratedIssues.title(1));
        });
    }

    @Test
    void publishesWhateverIsValidWhenTheWholeIssueMayBeInvalid() throws Exception {
        IssueOutcome outcome = run(GeneratedIssues.issue(4, 2, false), new OutputRules(0.5, 1_000_000));

        assertThat(outcome).isInstanceOfSatisfying(IssueOutcome.Publishable.class,
                publishable -> assertThat(publishable.output().articles()).hasSize(2));
    }

    @Test
    void leavesOutAnArticleWhoseBodyIsLongerThanTheSchemaAllows() throws Exception {
        IssueOutcome outcome = run(GeneratedIssues.issue(10, 0, true), OutputRules.DEFAULTS);

        assertThat(outcome).isInstanceOf(IssueOutcome.Publishable.class);
        IssueOutput output = ((IssueOutcome.Publishable) outcome).output();
        assertThat(output.events().articles()).hasSize(9).extracting(ArticleExtracted::ordinal).doesNotContain(10);
        assertThat(output.events().summary().warnings()).anySatisfy(w -> assertThat(w).startsWith("Article 10 ")
            .contains("/body").hasSizeLessThan(2000));
    }

    @Test
    void rejectsAnIssueWithARecordLargerThanTheLimitBeforeAnythingIsPublished() throws Exception {
        byte[] pdf = GeneratedIssues.issue(3, 0, false);
        IssueOutput fitting = ((IssueOutcome.Publishable) run(pdf, OutputRules.DEFAULTS)).output();
        long largestArticle = fitting.articles().stream().mapToLong(OutgoingRecord::serializedSize).max().orElseThrow();

        IssueOutcome outcome = run(pdf, new OutputRules(0.1, largestArticle - 1));

        assertThat(outcome).isInstanceOfSatisfying(IssueOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(DeadLetterReason.EVENT_TOO_LARGE);
            assertThat(rejected.message()).contains("ArticleExtracted event 121-").contains("max-record-size (" + (largestArticle - 1) + " bytes)");
        });
    }

    @Test
    void measuresRecordsWithKeyAndHeaders() throws Exception {
        IssueOutput output = ((IssueOutcome.Publishable) run(GeneratedIssues.issue(3, 0, false),
                OutputRules.DEFAULTS)).output();

        OutgoingRecord first = output.articles().get(0);
        assertThat(first.serializedSize()).isGreaterThan(first.value().length + first.keyBytes().length + 200L);
    }
}
