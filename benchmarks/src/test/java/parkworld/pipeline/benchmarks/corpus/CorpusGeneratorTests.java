package parkworld.pipeline.benchmarks.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parkworld.pipeline.benchmarks.corpus.IssueContent.Article;
import parkworld.pipeline.benchmarks.corpus.IssueContent.Section;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.pipeline.IssueOutcome;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.OutputRules;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.structure.IssueParser;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTests {

    private static final long SEED = 11;

    /** The corpus the benchmark uses: 300 weekly issues, 2018 to 2023. */
    private static final int CORPUS = 300;

    private static ParseWorkers workers;

    private static IssuePipeline pipeline;

    @TempDir
    Path directory;

    @BeforeAll
    static void startParser() {
        workers = ParseWorkers.single();
        // the parser as the parse command and the service run it: parse, enrich, build and check the events
        pipeline = new IssuePipeline(new IssueParser()::parse, workers, Duration.ofMinutes(2), OutputRules.DEFAULTS,
                "corpus-test");
    }

    @AfterAll
    static void stopParser() {
        workers.close();
    }

    @Test
    void theSameSeedWritesIdenticalFilesAndAnotherSeedOthers() throws IOException {
        List<GeneratedIssue> first = new CorpusGenerator(2).write(this.directory.resolve("a"), 3, SEED);
        List<GeneratedIssue> again = new CorpusGenerator(1).write(this.directory.resolve("b"), 3, SEED);
        List<GeneratedIssue> other = new CorpusGenerator(2).write(this.directory.resolve("c"), 3, SEED + 1);

        for (int i = 0; i < 3; i++) {
            assertThat(Files.readAllBytes(again.get(i).file())).isEqualTo(Files.readAllBytes(first.get(i).file()));
            assertThat(other.get(i).sha256()).isNotEqualTo(first.get(i).sha256());
            // the calendar is the corpus's, the text the seed's
            assertThat(other.get(i).serial()).isEqualTo(first.get(i).serial());
            assertThat(other.get(i).date()).isEqualTo(first.get(i).date());
        }
        assertThat(titles(CorpusGenerator.content(1, SEED + 1))).doesNotContainAnyElementsOf(
                titles(CorpusGenerator.content(1, SEED)));
    }

    @Test
    void filesTheManifestRecordsAreReusedAndMissingOrChangedOnesWritten() throws IOException {
        CorpusGenerator generator = new CorpusGenerator(2);
        List<GeneratedIssue> two = generator.write(this.directory, 2, SEED);
        assertThat(two).noneMatch(GeneratedIssue::reused);

        List<GeneratedIssue> three = generator.write(this.directory, 3, SEED);
        assertThat(three).extracting(GeneratedIssue::reused).containsExactly(true, true, false);
        assertThat(three.subList(0, 2)).extracting(GeneratedIssue::sha256)
                .containsExactlyElementsOf(two.stream().map(GeneratedIssue::sha256).toList());

        byte[] original = Files.readAllBytes(three.get(0).file());
        Files.write(three.get(0).file(), new byte[] { '%', 'P', 'D', 'F' });
        Files.delete(three.get(1).file());
        List<GeneratedIssue> repaired = generator.write(this.directory, 3, SEED);
        assertThat(repaired).extracting(GeneratedIssue::reused).containsExactly(false, false, true);
        assertThat(Files.readAllBytes(repaired.get(0).file())).isEqualTo(original);

        List<GeneratedIssue> otherSeed = generator.write(this.directory, 1, SEED + 1);
        assertThat(otherSeed).noneMatch(GeneratedIssue::reused);
        assertThat(Files.readString(this.directory.resolve(CorpusGenerator.MANIFEST)))
                .contains("generator.version=" + CorpusGenerator.VERSION, "seed=" + (SEED + 1));
    }

    /**
     * Issues from every year of the corpus, and those with the fewest and the most articles, parsed as the service
     * parses them: no warning, not degraded, every article, section and figure of the cover as generated.
     */
    @Test
    void everyIssueOfASampleParsesWithoutWarningsIntoTheArticlesItWasWrittenWith() throws Exception {
        Set<Integer> sample = new TreeSet<>(List.of(1, 27, 53, 79, 105, 131, 157, 183, 209, 235, 261, CORPUS));
        sample.add(IntStream.rangeClosed(1, CORPUS).boxed()
                .min((a, b) -> articles(a) - articles(b)).orElseThrow());
        sample.add(IntStream.rangeClosed(1, CORPUS).boxed()
                .max((a, b) -> articles(a) - articles(b)).orElseThrow());
        Set<Integer> pageCounts = new TreeSet<>();
        Set<Integer> articleCounts = new TreeSet<>();
        int placed = 0;
        int withAmounts = 0;
        int total = 0;
        for (int serial : sample) {
            CorpusGenerator.Generated generated = CorpusGenerator.generate(serial, SEED);
            IssueContent content = generated.content();
            Path pdf = this.directory.resolve(CorpusGenerator.fileName(serial));
            Files.write(pdf, generated.rendered().pdf());
            pageCounts.add(generated.rendered().pages());
            articleCounts.add(content.articleCount());

            IssueOutcome outcome = pipeline.run(fetched(pdf), pdf, Instant.now());

            assertThat(outcome).as("issue %d", serial).isInstanceOf(IssueOutcome.Publishable.class);
            var events = ((IssueOutcome.Publishable) outcome).output().events();
            IssueParsed summary = events.summary();
            assertThat(summary.warnings()).as("warnings of issue %d", serial).isEmpty();
            assertThat(summary.quality().degraded()).as("issue %d degraded: %s", serial,
                    summary.quality().degradedReasons()).isFalse();
            assertThat(summary.issue().serial()).isEqualTo(serial);
            assertThat(summary.issue().year()).isEqualTo(content.date().getYear());
            assertThat(summary.issue().month()).isEqualTo(content.date().getMonthValue());
            assertThat(summary.issue().issueInMonth()).isEqualTo(content.issueInMonth());
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getNumberOfPages()).isEqualTo(generated.rendered().pages());
            }
            Map<String, Integer> perSection = new LinkedHashMap<>();
            content.sections().forEach((section) -> perSection.put(section.name(), section.articles().size()));
            assertThat(summary.articlesPerSection()).containsExactlyInAnyOrderEntriesOf(perSection);

            List<Article> written = content.sections().stream().flatMap((section) -> section.articles().stream())
                    .toList();
            List<ArticleExtracted> parsed = events.articles();
            assertThat(parsed).hasSize(written.size());
            for (int i = 0; i < written.size(); i++) {
                Article article = written.get(i);
                ArticleExtracted found = parsed.get(i);
                // blanks are not significant (the parser drops those between Chinese characters, by design)
                assertThat(withoutBlanks(found.title())).isEqualTo(withoutBlanks(article.title()));
                assertThat(withoutBlanks(found.lead())).isEqualTo(withoutBlanks(article.lead()));
                assertThat(withoutBlanks(found.body()))
                        .isEqualTo(withoutBlanks(String.join("\n", article.paragraphs())));
                assertThat(found.sourceName()).isEqualTo(article.source());
                placed += found.places().isEmpty() ? 0 : 1;
                withAmounts += found.amounts().isEmpty() ? 0 : 1;
                total++;
            }
        }
        assertThat(pageCounts).allMatch((pages) -> pages >= CorpusGenerator.MIN_PAGES
                && pages <= CorpusGenerator.MAX_PAGES);
        assertThat(articleCounts).contains(CorpusGenerator.MIN_ARTICLES, CorpusGenerator.MAX_ARTICLES);
        // the enrichment finds what the articles were written with: gazetteer places, amounts
        assertThat(placed).isGreaterThan(total * 9 / 10);
        assertThat(withAmounts).isGreaterThan(total / 2);
    }

    @Test
    void theCorpusIsNotTheSameTextOverAndOver() {
        List<String> titles = new ArrayList<>();
        Set<String> openings = new HashSet<>();
        int bodies = 0;
        Set<String> labels = new HashSet<>();
        for (int serial = 1; serial <= CORPUS; serial += 6) {
            IssueContent content = CorpusGenerator.content(serial, SEED);
            labels.add(content.label());
            assertThat(content.sections()).hasSizeBetween(3, 4);
            assertThat(content.articleCount()).isBetween(CorpusGenerator.MIN_ARTICLES, CorpusGenerator.MAX_ARTICLES);
            assertThat(new HashSet<>(titles(content))).as("titles of issue %d", serial).hasSize(content.articleCount());
            titles.addAll(titles(content));
            for (Section section : content.sections()) {
                for (Article article : section.articles()) {
                    assertThat(article.bodyLength()).isBetween(ArticleWriter.MIN_BODY_LENGTH,
                            ArticleWriter.MAX_BODY_LENGTH);
                    openings.add(article.paragraphs().get(0));
                    bodies++;
                }
            }
        }
        assertThat(labels).hasSize(50);
        assertThat(new HashSet<>(titles)).hasSizeGreaterThan(titles.size() * 97 / 100);
        assertThat(openings).hasSizeGreaterThan(bodies * 97 / 100);
    }

    private static String withoutBlanks(String text) {
        return text.replace(" ", "");
    }

    private static int articles(int serial) {
        return CorpusGenerator.content(serial, SEED).articleCount();
    }

    private static List<String> titles(IssueContent content) {
        return content.sections().stream().flatMap((section) -> section.articles().stream()).map(Article::title)
                .toList();
    }

    private static IssueFetched fetched(Path pdf) throws IOException {
        String uri = pdf.toUri().toString();
        return new IssueFetched(IssueFetched.SCHEMA_VERSION, pdf.getFileName().toString(), uri, uri,
                CorpusGenerator.sha256(Files.readAllBytes(pdf)), Files.size(pdf), Instant.now());
    }
}
