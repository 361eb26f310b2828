package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Parses the issue-121 fixture and compares it with its expected structure. */
class IssueParserTests {

    private static final String CHINESE =
            "[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]";

    private static final Pattern BLANK_NEXT_TO_CHINESE = Pattern.compile(
            "(?<=" + CHINESE + ")[\\s\\u00A0\\u3000]|[\\s\\u00A0\\u3000](?=" + CHINESE + ")");

    private static byte[] pdf;

    private static JsonNode expected;

    private static ParsedIssue issue;

    @BeforeAll
    static void parseFixture() throws IOException {
        pdf = resource("/fixtures/issue-121.pdf");
        expected = new ObjectMapper().readTree(resource("/fixtures/issue-121.expected.json"));
        issue = new IssueParser().parse(pdf);
    }

    @Test
    void readsIssueNumberAndPageCountFromCover() {
        JsonNode expectedIssue = expected.get("issue");
        IssueMetadata metadata = issue.metadata();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metadata.serial()).as("serial (总N期)").isEqualTo(expectedIssue.get("serial").asInt());
        softly.assertThat(metadata.year()).as("year").isEqualTo(expectedIssue.get("year").asInt());
        softly.assertThat(metadata.month()).as("month").isEqualTo(expectedIssue.get("month").asInt());
        softly.assertThat(metadata.issueInMonth()).as("issue in month")
                .isEqualTo(expectedIssue.get("issueInMonth").asInt());
        softly.assertThat(issue.pageCount()).as("page count").isEqualTo(expectedIssue.get("pages").asInt());
        softly.assertThat(metadata.title()).as("title, cleaned as article titles are")
                .isEqualTo("园区周报2023年5月4期(总121期)");
        softly.assertAll();
    }

    @Test
    void findsEveryExpectedArticleWithAllItsFields() {
        JsonNode expectedArticles = expected.get("articles");
        List<ParsedArticle> articles = issue.articles();
        assertThat(articles).as("articles found (titles: %s)", articles.stream().map(ParsedArticle::title).toList())
                .hasSize(expectedArticles.size());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < expectedArticles.size(); i++) {
            JsonNode want = expectedArticles.get(i);
            ParsedArticle got = articles.get(i);
            String label = "article " + want.get("ordinal").asInt() + " \"" + want.get("title").asString() + "\" ";
            softly.assertThat(got.ordinal()).as(label + "ordinal").isEqualTo(want.get("ordinal").asInt());
            softly.assertThat(got.section()).as(label + "section").isEqualTo(want.get("section").asString());
            softly.assertThat(compact(got.title())).as(label + "title").isEqualTo(compact(want.get("title").asString()));
            softly.assertThat(compact(got.lead())).as(label + "lead").isEqualTo(compact(want.get("lead").asString()));
            softly.assertThat(compact(got.body())).as(label + "body").isEqualTo(compact(want.get("body").asString()));
            softly.assertThat(got.body().split("\n", -1)).as(label + "body paragraphs")
                    .hasSize(want.get("body").asString().split("\n", -1).length);
            softly.assertThat(got.sourceName()).as(label + "sourceName").isEqualTo(text(want.get("sourceName")));
            softly.assertThat(got.page()).as(label + "page").isEqualTo(want.get("page").asInt());
            softly.assertThat(compact(got.tocTitle())).as(label + "tocTitle")
                    .isEqualTo(compact(want.get("tocTitle").asString()));
        }
        softly.assertAll();
    }

    @Test
    void keepsTheBodyFreeOfMarkersAndLayoutLineBreaks() {
        assertThat(issue.articles()).allSatisfy((article) -> {
            assertThat(article.body()).as("body of article %d", article.ordinal()).doesNotContain("■", "●")
                    .doesNotContain("园区周报 2023年5月4期");
            assertThat(article.body()).as("body of article %d has one line per paragraph", article.ordinal())
                    .doesNotContain("\n");
        });
    }

    @Test
    void keepsNoBlankNextToChineseText() {
        SoftAssertions softly = new SoftAssertions();
        for (ParsedArticle article : issue.articles()) {
            softly.assertThat(blanksNextToChinese(article.title())).as("blanks next to Chinese in the title of "
                    + "article %d", article.ordinal()).isEmpty();
            softly.assertThat(blanksNextToChinese(article.lead())).as("blanks next to Chinese in the lead of "
                    + "article %d", article.ordinal()).isEmpty();
            softly.assertThat(blanksNextToChinese(article.body())).as("blanks next to Chinese in the body of "
                    + "article %d", article.ordinal()).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void assignsEveryArticleToASectionInTocOrder() {
        Set<String> sections = new LinkedHashSet<>();
        issue.articles().forEach((article) -> sections.add(article.section()));
        List<String> expectedSections = new ArrayList<>();
        expected.get("sections").forEach((section) -> expectedSections.add(section.asString()));
        assertThat(sections).as("sections in order of appearance").containsExactlyElementsOf(expectedSections);
    }

    @Test
    void warnsOnlyAboutTheTitleThatDiffersFromTheTableOfContents() {
        assertThat(issue.warnings()).as("warnings").singleElement().asString()
                .contains("Article 33", "平陆运河全线动工建设", "平陆运河全线开工建设");
    }

    @Test
    void ratesTheFixtureAsFullyMatchedAndNotDegraded() {
        var quality = issue.quality();
        assertThat(quality.tocEntries()).as("entries listed").isEqualTo(43);
        assertThat(quality.tocEntriesMatched()).as("entries matched").isEqualTo(43);
        assertThat(quality.tocMatchedShare()).as("matched share").isEqualTo(1.0);
        assertThat(quality.articlesWithoutSource()).as("articles without source").isZero();
        assertThat(quality.tocArticlesPerSection()).as("listed per section")
                .containsExactly(org.assertj.core.api.Assertions.entry("招商引资", 26),
                        org.assertj.core.api.Assertions.entry("综合资讯", 12),
                        org.assertj.core.api.Assertions.entry("政策法规", 5));
        assertThat(quality.pagesWithUnassignedText()).as("pages with unassigned text").isEmpty();
        assertThat(quality.degraded()).as("degraded (%s)", quality.degradedReasons()).isFalse();
    }

    @Test
    void parsesTheSameIssueFromBytesFileAndStream(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("issue-121.pdf"), pdf);
        IssueParser parser = new IssueParser();
        ParsedIssue fromFile = parser.parse(file);
        ParsedIssue fromStream;
        try (InputStream in = Files.newInputStream(file)) {
            fromStream = parser.parse(in);
        }
        assertThat(fromFile).as("parsed from a file").isEqualTo(issue);
        assertThat(fromStream).as("parsed from a stream").isEqualTo(issue);
    }

    /** Each blank with a Chinese character or full-width punctuation on either side, in some context. */
    private static List<String> blanksNextToChinese(String text) {
        Matcher matcher = BLANK_NEXT_TO_CHINESE.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add("…" + text.substring(Math.max(0, matcher.start() - 6), Math.min(text.length(), matcher.end() + 6))
                    + "…");
        }
        return found;
    }

    private static String compact(String text) {
        return (text != null) ? text.replaceAll("\\s+", "") : null;
    }

    private static String text(JsonNode node) {
        return (node == null || node.isNull()) ? null : node.asString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = IssueParserTests.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, () -> "test resource " + name + " is missing").readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
