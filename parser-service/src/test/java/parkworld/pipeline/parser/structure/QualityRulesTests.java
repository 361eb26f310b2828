package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import parkworld.pipeline.contract.IssueParsed;

/** When a parse is degraded, and what its reasons say. */
class QualityRulesTests {

    private final QualityRules rules = new QualityRules(0.9, 0.2, 2, 0);

    @Test
    void isNotDegradedWhenEveryFigureIsWithinItsBound() {
        IssueParsed.Quality quality = this.rules.assess(figures(10, 9, List.of(4, 7), 0), articles(10, 2));

        assertThat(quality.degraded()).as("degraded").isFalse();
        assertThat(quality.degradedReasons()).as("reasons").isEmpty();
        assertThat(quality.tocMatchedShare()).as("matched share").isEqualTo(0.9);
        assertThat(quality.articlesWithoutSource()).as("articles without source").isEqualTo(2);
        assertThat(quality.pagesWithUnassignedText()).as("pages").containsExactly(4, 7);
    }

    @Test
    void namesEachFigureBeyondItsBoundWithThePropertyToChange() {
        IssueParsed.Quality quality = this.rules.assess(figures(43, 12, List.of(3, 5, 9), 31), articles(12, 3));

        assertThat(quality.degraded()).as("degraded").isTrue();
        assertThat(quality.degradedReasons()).as("reasons").containsExactly(
                "only 12 of 43 table-of-contents entries (28%) match an article, fewer than "
                        + "parkworld.parser.quality.min-toc-matched-share (90%)",
                "3 of 12 articles (25%) have no source attribution, more than "
                        + "parkworld.parser.quality.max-articles-without-source-share (20%)",
                "3 pages (3, 5, 9) hold text outside any article, more than "
                        + "parkworld.parser.quality.max-pages-with-unassigned-text (2)",
                "31 titles have no text and were not published as articles, more than "
                        + "parkworld.parser.quality.max-articles-without-text (0)");
        assertThat(quality.degradedReasons()).as("each fits the schema's 500 characters")
                .allSatisfy((reason) -> assertThat(reason.length()).isLessThanOrEqualTo(500));
    }

    @Test
    void countsAnIssueWithoutTableOfContentsAsFullyMatched() {
        IssueParsed.Quality quality = this.rules.assess(figures(0, 0, List.of(), 0), articles(3, 0));

        assertThat(quality.tocMatchedShare()).as("matched share").isEqualTo(1.0);
        assertThat(quality.degraded()).as("degraded").isFalse();
    }

    @Test
    void namesAtMostTenPagesWithUnassignedText() {
        List<Integer> pages = new ArrayList<>();
        for (int page = 1; page <= 12; page++) {
            pages.add(page);
        }
        IssueParsed.Quality quality = this.rules.assess(figures(0, 0, pages, 0), articles(3, 0));

        assertThat(quality.degradedReasons()).singleElement().asString()
                .startsWith("12 pages (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …) hold text outside any article");
        assertThat(quality.pagesWithUnassignedText()).as("all pages in the figure").hasSize(12);
    }

    private static StructureFigures figures(int entries, int matched, List<Integer> pages, int withoutText) {
        return new StructureFigures(entries, matched, Map.of("招商引资", entries), pages, withoutText);
    }

    private static List<ParsedArticle> articles(int count, int withoutSource) {
        List<ParsedArticle> articles = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String source = (i <= withoutSource) ? null : "苏州市政府网站";
            articles.add(new ParsedArticle(i, "招商引资", "标题" + i, "", "正文", source, 1));
        }
        return articles;
    }
}
