package parkworld.pipeline.benchmarks.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parkworld.pipeline.benchmarks.corpus.IssueContent.Article;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.pipeline.IssueOutcome;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.OutputRules;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.structure.IssueParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The large issue's shape on a smaller instance (120 pages, the benchmarks' 12 sections, a table of contents over
 * several pages), so that the test stays a few seconds; the benchmark checks the 500 pages themselves the same way.
 */
class LargeIssueTests {

    private static final int PAGES = 120;

    private static final int SECTIONS = 12;

    @TempDir
    Path directory;

    @Test
    void aLargeIssueParsesWithoutWarningsIntoEverySectionAndArticleItWasWrittenWith() throws Exception {
        CorpusGenerator.Generated generated = new LargeIssue(PAGES, SECTIONS).generate(3);
        IssueContent content = generated.content();
        Path pdf = this.directory.resolve("large.pdf");
        Files.write(pdf, generated.rendered().pdf());

        assertThat(generated.rendered().pages()).isBetween(PAGES * 97 / 100, PAGES * 103 / 100);
        assertThat(generated.rendered().tocPages()).isGreaterThanOrEqualTo(5);
        assertThat(content.sections()).hasSize(SECTIONS);
        List<Article> written = content.sections().stream().flatMap((section) -> section.articles().stream())
                .toList();
        assertThat(new HashSet<>(written.stream().map(Article::title).toList())).hasSize(written.size());

        IssueOutcome outcome;
        try (ParseWorkers workers = ParseWorkers.single()) {
            outcome = new IssuePipeline(new IssueParser()::parse, workers, Duration.ofMinutes(2),
                    OutputRules.DEFAULTS, "large-issue-test").run(fetched(pdf), pdf, Instant.now());
        }

        assertThat(outcome).isInstanceOf(IssueOutcome.Publishable.class);
        var events = ((IssueOutcome.Publishable) outcome).output().events();
        IssueParsed summary = events.summary();
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.warningsOmitted() == null ? 0 : summary.warningsOmitted()).isZero();
        assertThat(summary.quality().degraded()).as("degraded: %s", summary.quality().degradedReasons()).isFalse();
        // the table of contents lists every article (the sections' headings are entries of their own)
        assertThat(summary.quality().tocEntriesMatched()).isEqualTo(summary.quality().tocEntries());
        assertThat(summary.quality().tocEntries()).isGreaterThanOrEqualTo(written.size());
        assertThat(summary.issue().serial()).isEqualTo(LargeIssue.SERIAL);
        Map<String, Integer> perSection = new LinkedHashMap<>();
        content.sections().forEach((section) -> perSection.put(section.name(), section.articles().size()));
        assertThat(summary.articlesPerSection()).containsExactlyInAnyOrderEntriesOf(perSection);
        List<ArticleExtracted> parsed = events.articles();
        assertThat(parsed).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(parsed.get(i).title().replace(" ", "")).isEqualTo(written.get(i).title().replace(" ", ""));
            assertThat(parsed.get(i).body().replace(" ", ""))
                    .isEqualTo(String.join("\n", written.get(i).paragraphs()).replace(" ", ""));
        }
    }

    @Test
    void theSameSeedWritesTheSameIssueAndAnotherSeedAnother() throws IOException {
        LargeIssue shape = new LargeIssue(60, 6);
        GeneratedIssue first = shape.write(this.directory.resolve("a.pdf"), 5);
        GeneratedIssue again = shape.write(this.directory.resolve("b.pdf"), 5);
        GeneratedIssue other = shape.write(this.directory.resolve("c.pdf"), 6);

        assertThat(Files.readAllBytes(again.file())).isEqualTo(Files.readAllBytes(first.file()));
        assertThat(other.sha256()).isNotEqualTo(first.sha256());
        assertThat(first.sections()).isEqualTo(6);
    }

    @Test
    void sectionNumbersAreWrittenAsChineseNumerals() {
        assertThat(List.of(1, 9, 10, 11, 12, 20, 23, 99).stream().map(LargeIssue::numeral))
                .containsExactly("一", "九", "十", "十一", "十二", "二十", "二十三", "九十九");
        assertThatIllegalArgumentException().isThrownBy(() -> LargeIssue.numeral(100));
    }

    @Test
    void aShapeWithTooFewSectionsOrPagesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LargeIssue(500, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new LargeIssue(50, 12));
    }

    private static IssueFetched fetched(Path pdf) throws IOException {
        String uri = pdf.toUri().toString();
        return new IssueFetched(IssueFetched.SCHEMA_VERSION, "large", uri, uri,
                CorpusGenerator.sha256(Files.readAllBytes(pdf)), Files.size(pdf), Instant.now());
    }
}
