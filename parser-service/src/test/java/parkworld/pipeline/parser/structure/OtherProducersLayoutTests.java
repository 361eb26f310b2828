package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.publish.ArticleIds;

/**
 * The fixture issue's own content rendered by other producers (Chromium from HTML, LibreOffice from ODT; see
 * {@code src/test/resources/layouts/README.md}) parses to the fixture's structure: same article ids, sections,
 * titles, leads, bodies and sources, and the pages each PDF prints (read back from the PDF by the render script,
 * in {@code <layout>.pages.json}).
 */
class OtherProducersLayoutTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IssueParser parser = new IssueParser();

    /**
     * {@code chromium-toc-on-cover}: the whole issue; the table of contents starts on the cover and goes on over the
     * next page, entries end in their page number after a single space (no leaders, no tab), pages print
     * {@code 第 N 页} and a running header. {@code libreoffice-numbered-toc}: 19 articles; a cover alone, a table
     * of contents numbered {@code 1.} to {@code 19.} over two pages with page numbers after a tab, page numbers
     * printed from 1 on the first article page; titles and paragraphs fall across page breaks where they may.
     * {@code word-style}: Word's layout conventions from LibreOffice: a running header with the issue number
     * ({@code 总第121期}), {@code 第 N 页} footers from 1 on the first article page, a table of contents numbered
     * {@code 1.1}, {@code 1.2} under numbered sections with dotted tab leaders, article 20's title at the foot of a
     * page and its text on the next. {@code indesign-style}: a magazine page from LibreOffice: two-column body,
     * masthead and issue in a running header over a rule, page numbers at the outer edge of mirrored pages counting
     * the cover, {@code ▶} bullets in a {@code 本期目录}.
     */
    @ParameterizedTest
    @ValueSource(strings = { "chromium-toc-on-cover", "libreoffice-numbered-toc", "word-style", "indesign-style" })
    void readsTheFixtureIssueRenderedByAnotherProducer(String layout) {
        Map<String, Integer> pages = pages(layout);
        List<JsonNode> expected = new ArrayList<>();
        expectedArticles().forEach((article) -> {
            if (pages.containsKey(article.get("ordinal").asString())) {
                expected.add(article);
            }
        });

        ParsedIssue issue = this.parser.parse(resource("/layouts/" + layout + ".pdf"));
        // the fixture's own parse, character for character: blanks a producer put inside numbers or next to
        // Chinese text must be gone too (compact() below forgives them)
        Map<Integer, ParsedArticle> fixture = new java.util.HashMap<>();
        this.parser.parse(resource("/fixtures/issue-121.pdf")).articles().forEach((a) -> fixture.put(a.ordinal(), a));

        assertThat(issue.metadata()).as("issue number from the cover")
                .extracting(IssueMetadata::serial, IssueMetadata::year, IssueMetadata::month, IssueMetadata::issueInMonth)
                .containsExactly(121, 2023, 5, 4);
        assertThat(issue.metadata().title()).as("issue title (a keyword: the fixture's, whatever blanks the producer "
                + "put between Chinese characters and digits)").isEqualTo("园区周报2023年5月4期(总121期)");
        assertThat(issue.articles()).extracting(ParsedArticle::title).as("titles, and no table-of-contents entry "
                + "taken for an article").hasSize(expected.size());
        ArticleIds fixtureIds = new ArticleIds(121);
        ArticleIds ids = new ArticleIds(issue.metadata().serial());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            ParsedArticle got = issue.articles().get(i);
            String label = "article " + want.get("ordinal").asInt() + " \"" + want.get("title").asString() + "\" ";
            softly.assertThat(ids.next(got.title())).as(label + "id").isEqualTo(fixtureIds.next(want.get("title").asString()));
            softly.assertThat(got.ordinal()).as(label + "ordinal").isEqualTo(i + 1);
            softly.assertThat(got.section()).as(label + "section").isEqualTo(want.get("section").asString());
            softly.assertThat(compact(got.title())).as(label + "title").isEqualTo(compact(want.get("title").asString()));
            softly.assertThat(compact(got.lead())).as(label + "lead").isEqualTo(compact(want.get("lead").asString()));
            softly.assertThat(compact(got.body())).as(label + "body").isEqualTo(compact(want.get("body").asString()));
            ParsedArticle same = fixture.get(want.get("ordinal").asInt());
            softly.assertThat(got.title()).as(label + "title as the fixture parses").isEqualTo(same.title());
            softly.assertThat(got.lead()).as(label + "lead as the fixture parses").isEqualTo(same.lead());
            softly.assertThat(got.body()).as(label + "body as the fixture parses").isEqualTo(same.body());
            softly.assertThat(got.body().split("\n", -1)).as(label + "body paragraphs")
                    .hasSize(want.get("body").asString().split("\n", -1).length);
            softly.assertThat(got.sourceName()).as(label + "source").isEqualTo(want.get("sourceName").asString());
            softly.assertThat(got.page()).as(label + "page as printed").isEqualTo(pages.get(want.get("ordinal").asString()));
            softly.assertThat(compact(got.tocTitle())).as(label + "table-of-contents title")
                    .isEqualTo(compact(want.get("tocTitle").asString()));
        }
        softly.assertAll();

        boolean listsArticle33 = pages.containsKey("33");
        assertThat(issue.warnings()).as("warnings: only the title the editors changed, nothing the producer did")
                .hasSize(listsArticle33 ? 1 : 0)
                .allSatisfy((warning) -> assertThat(warning).contains("平陆运河全线动工建设", "平陆运河全线开工建设"));
        IssueParsed.Quality quality = issue.quality();
        assertThat(quality.tocEntries()).as("table-of-contents entries").isEqualTo(expected.size());
        assertThat(quality.tocEntriesMatched()).as("entries matched").isEqualTo(expected.size());
        assertThat(quality.pagesWithUnassignedText()).as("pages with unassigned text").isEmpty();
        assertThat(quality.degraded()).as("degraded (%s)", quality.degradedReasons()).isFalse();
    }

    private static List<JsonNode> expectedArticles() {
        List<JsonNode> articles = new ArrayList<>();
        JSON.readTree(resource("/fixtures/issue-121.expected.json")).get("articles").forEach(articles::add);
        return articles;
    }

    private static Map<String, Integer> pages(String layout) {
        Map<String, Integer> pages = new java.util.LinkedHashMap<>();
        JSON.readTree(resource("/layouts/" + layout + ".pages.json")).properties()
                .forEach((entry) -> pages.put(entry.getKey(), entry.getValue().asInt()));
        return pages;
    }

    private static String compact(String text) {
        return (text != null) ? text.replaceAll("\\s+", "") : null;
    }

    private static byte[] resource(String name) {
        try (InputStream in = OtherProducersLayoutTests.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, () -> "test resource " + name + " is missing").readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
