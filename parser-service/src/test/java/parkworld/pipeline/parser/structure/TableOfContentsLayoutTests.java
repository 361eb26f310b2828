package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.parser.fixtures.IssuePdf;
import parkworld.pipeline.parser.fixtures.IssuePdf.TocNumbers;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.publish.ArticleIds;

/**
 * Tables of contents as different producers and editors set them, on generated PDFs with four articles of the
 * fixture issue (苏阜产业园区正式揭牌 and 招商检测华东基地正式落户合肥 in 招商引资, two in 综合资讯): wherever the
 * table of contents is and however its page numbers are set, its entries never become articles and the articles
 * are the fixture's.
 */
class TableOfContentsLayoutTests {

    private static final String HEADER = "园区周报 2023年5月4期";

    private static final List<FixtureArticles> ARTICLES = FixtureArticles.of(15, 17, 27, 29);

    private final IssueParser parser = new IssueParser();

    @ParameterizedTest
    @EnumSource(TocNumbers.class)
    void readsATableOfContentsOnTheCoverHoweverItsPageNumbersAreSet(TocNumbers numbers) {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .tocOnCover((toc) -> listAll(toc.numbers(numbers), "●"))
                .page((page) -> articlePage(page, 0, 1, "第 1 页"))
                .page((page) -> articlePage(page, 2, 3, "第 2 页"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);

        assertTheFixtureArticles(issue);
        assertThat(issue.articles()).extracting(ParsedArticle::page).as("pages printed as 第 N 页")
                .containsExactly(1, 1, 2, 2);
        assertThat(issue.warnings()).as("warnings").isEmpty();
        assertThat(issue.quality().tocEntriesMatched()).as("entries matched").isEqualTo(4);
    }

    @Test
    void readsATableOfContentsOverTwoPagesWithDashesAndNumbersForBullets() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.numbers(TocNumbers.AFTER_SPACE).section("一、招商引资", 1)
                        .title("-" + ARTICLES.get(0).title(), 1).title("-" + ARTICLES.get(1).title(), 1))
                .toc((toc) -> toc.withoutHeading().numbers(TocNumbers.AFTER_SPACE).section("二、综合资讯", 2)
                        .title("3. " + ARTICLES.get(2).title(), 2).title("4. " + ARTICLES.get(3).title(), 2))
                .page((page) -> articlePage(page, 0, 1, "1"))
                .page((page) -> articlePage(page, 2, 3, "2"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);

        assertTheFixtureArticles(issue);
        assertThat(issue.warnings()).as("warnings").isEmpty();
        assertThat(issue.quality().tocArticlesPerSection()).as("articles per section as listed")
                .containsExactly(org.assertj.core.api.Assertions.entry("招商引资", 2),
                        org.assertj.core.api.Assertions.entry("综合资讯", 2));
    }

    @Test
    void takesPhysicalPagesWhereNoneArePrintedWithoutPageWarnings() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> listAll(toc, "●"))
                .page((page) -> articlePage(page, 0, 1, null))
                .page((page) -> articlePage(page, 2, 3, null))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);

        assertTheFixtureArticles(issue);
        assertThat(issue.articles()).extracting(ParsedArticle::page).as("physical pages").containsExactly(3, 3, 4, 4);
        assertThat(issue.warnings()).as("warnings: the table of contents counts printed pages, the PDF prints none")
                .isEmpty();
    }

    @Test
    void keepsATitleAtTheFootOfAPageWithTheBodyOnTheNext() {
        FixtureArticles first = ARTICLES.get(0);
        FixtureArticles second = ARTICLES.get(1);
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 1).title("●" + first.title(), 1).title("●" + second.title(), 1))
                .page((page) -> first.printOn(page.header(HEADER).section("一、招商引资")).title("●" + second.title())
                        .footer("1"))
                .page((page) -> page.header(HEADER).lead(second.lead()).body("■" + second.body()).footer("2"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);

        assertThat(issue.articles()).extracting((a) -> compact(a.title()), (a) -> compact(a.lead()),
                (a) -> compact(a.body()), ParsedArticle::page).as("articles").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(compact(first.title()), compact(first.lead()),
                                compact(first.body()), 1),
                        org.assertj.core.groups.Tuple.tuple(compact(second.title()), compact(second.lead()),
                                compact(second.body()), 1));
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    @Test
    void refusesTwoIssuesInOnePdfAsMultipleIssues() throws IOException {
        byte[] twoIssues = concatenate(fourArticleIssue(121, "2023年5月4期"), fourArticleIssue(122, "2023年6月1期"));

        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> this.parser.parse(twoIssues));

        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason").isEqualTo(DeadLetterReason.MULTIPLE_ISSUES);
        assertThat(rejection.getMessage()).as("message").contains("more than one issue", "page 5",
                "one PDF per issue");
    }

    @Test
    void refusesTheSameIssueTwiceInOnePdfRatherThanDuplicatingItsArticles() throws IOException {
        byte[] sameTwice = concatenate(fourArticleIssue(121, "2023年5月4期"), fourArticleIssue(121, "2023年5月4期"));

        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> this.parser.parse(sameTwice));

        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason").isEqualTo(DeadLetterReason.MULTIPLE_ISSUES);
    }

    /**
     * Article text quoting another issue's serial, on a short line of its own as a wrapped paragraph may leave it:
     * not a second cover. Lines that print only an issue designation (and the masthead) still are one.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "园区周报总120期报道", "据总120期统计，", "（园区周报总120期）。",
            "总第120期曾报道该项目" })
    void takesNoBodyLineQuotingAnotherIssueForASecondCover(String quoting) {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年5月4期 (总121期)").bodyPage(1)
                .section("一、招商引资")
                .title("●" + ARTICLES.get(0).title())
                .paragraph("■" + ARTICLES.get(0).body())
                .bodyPage(2)
                .title("●" + ARTICLES.get(1).title())
                .paragraph("■该基地此前已签约，", quoting)
                .paragraph("■" + ARTICLES.get(1).body());

        ParsedIssue issue = new IssueAssembler().assemble(layout.build());

        assertThat(issue.articles()).extracting((a) -> compact(a.title())).as("titles")
                .containsExactly(compact(ARTICLES.get(0).title()), compact(ARTICLES.get(1).title()));
        assertThat(issue.articles().get(1).body()).as("body with the quoting line").contains(quoting);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "2023年6月1期 (总122期)", "总第122期", "园区周报 总122期",
            "（总122期）" })
    void refusesALineThatPrintsOnlyAnotherIssueNumberAsASecondCover(String coverLine) {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年5月4期 (总121期)").bodyPage(1)
                .section("一、招商引资")
                .title("●" + ARTICLES.get(0).title())
                .paragraph("■" + ARTICLES.get(0).body())
                .page()
                .line("园区周报", 202f, 53f)
                .line(coverLine, 222f, 18f);

        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> new IssueAssembler().assemble(layout.build()));

        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason").isEqualTo(DeadLetterReason.MULTIPLE_ISSUES);
        assertThat(rejection.getMessage()).as("message").contains("a second cover (总122期) on page 3");
    }

    @Test
    void leavesSentencesEndingInNumbersInTheBody() {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年5月4期 (总121期)").bodyPage(1)
                .section("一、招商引资")
                .title("●福州市第二季度159个重大项目集中开工")
                .paragraph("■集中开工的项目共 159")
                .paragraph("总投资达 1030")
                .paragraph("其中产业项目 112")
                .paragraph("社会民生项目 47（福州市政府网站）。");
        ParsedIssue issue = new IssueAssembler().assemble(layout.build());
        assertThat(issue.articles()).singleElement().extracting(ParsedArticle::body).as("body")
                .isEqualTo("集中开工的项目共159总投资达1030其中产业项目112社会民生项目47（福州市政府网站）。");
        assertThat(issue.quality().tocEntries()).as("table-of-contents entries").isZero();
    }

    @Test
    void neverPublishesATitleWithoutTextAndSaysWhy() {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年5月4期 (总121期)").page()
                .section("一、招商引资")
                .title("●" + ARTICLES.get(0).title())
                .title("●" + ARTICLES.get(1).title())
                .paragraph("■" + ARTICLES.get(1).body());
        ParsedIssue issue = new IssueAssembler().assemble(layout.build());
        assertThat(issue.articles()).extracting((a) -> compact(a.title()), ParsedArticle::ordinal).as("articles")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(compact(ARTICLES.get(1).title()), 1));
        assertThat(issue.warnings()).as("warnings").contains("Title \"苏阜产业园区正式揭牌\" on page 2 is followed by no "
                + "text (the next line is another title, a section heading or the end of the issue); not published as "
                + "an article");
        assertThat(issue.quality().degradedReasons()).as("degraded reasons").anySatisfy((reason) -> assertThat(reason)
                .startsWith("1 titles have no text"));
    }

    @Test
    void readsBulletedEntriesWithoutHeadingGapOrLeaders() {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年5月4期 (总121期)").page()
                .tocText("一、招商引资1")
                .tocText("• " + ARTICLES.get(0).title() + " 1")
                .tocText("• " + ARTICLES.get(1).title() + "1")
                .page().section("一、招商引资")
                .title("●" + ARTICLES.get(0).title()).paragraph(ARTICLES.get(0).lead())
                .paragraph("■" + ARTICLES.get(0).body())
                .title("●" + ARTICLES.get(1).title()).paragraph(ARTICLES.get(1).lead())
                .paragraph("■" + ARTICLES.get(1).body());
        ParsedIssue issue = new IssueAssembler().assemble(layout.build());
        assertThat(issue.articles()).extracting((a) -> compact(a.title()), (a) -> compact(a.tocTitle())).as("titles")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(compact(ARTICLES.get(0).title()),
                                compact(ARTICLES.get(0).title())),
                        org.assertj.core.groups.Tuple.tuple(compact(ARTICLES.get(1).title()),
                                compact(ARTICLES.get(1).title())));
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    private static Object listAll(IssuePdf.Toc toc, String bullet) {
        toc.section("一、招商引资", 1).title(bullet + ARTICLES.get(0).title(), 1).title(bullet + ARTICLES.get(1).title(), 1)
                .section("二、综合资讯", 2).title(bullet + ARTICLES.get(2).title(), 2)
                .title(bullet + ARTICLES.get(3).title(), 2);
        return toc;
    }

    /** Articles {@code from} and {@code to} of {@link #ARTICLES}, with their section heading where it starts. */
    private static void articlePage(IssuePdf.Page page, int from, int to, String footer) {
        page.header(HEADER);
        for (int i = from; i <= to; i++) {
            FixtureArticles article = ARTICLES.get(i);
            if (i == 0 || !article.section().equals(ARTICLES.get(i - 1).section())) {
                page.section((article.section().equals("招商引资") ? "一、" : "二、") + article.section());
            }
            article.printOn(page);
        }
        if (footer != null) {
            page.footer(footer);
        }
    }

    private static byte[] fourArticleIssue(int serial, String issue) {
        return IssuePdf.issue(serial, issue)
                .toc((toc) -> listAll(toc, "●"))
                .page((page) -> articlePage(page, 0, 1, "1"))
                .page((page) -> articlePage(page, 2, 3, "2"))
                .build();
    }

    private static void assertTheFixtureArticles(ParsedIssue issue) {
        ArticleIds fixtureIds = new ArticleIds(121);
        ArticleIds ids = new ArticleIds(issue.metadata().serial());
        assertThat(issue.articles()).as("articles (no table-of-contents entry among them)").hasSize(ARTICLES.size());
        for (int i = 0; i < ARTICLES.size(); i++) {
            FixtureArticles want = ARTICLES.get(i);
            ParsedArticle got = issue.articles().get(i);
            assertThat(ids.next(got.title())).as("id of article %d", i + 1).isEqualTo(fixtureIds.next(want.title()));
            assertThat(got).as("article %d", i + 1)
                    .extracting(ParsedArticle::section, (a) -> compact(a.title()), (a) -> compact(a.lead()),
                            (a) -> compact(a.body()), ParsedArticle::sourceName)
                    .containsExactly(want.section(), compact(want.title()), compact(want.lead()), compact(want.body()),
                            want.sourceName());
        }
    }

    private static String compact(String text) {
        return (text != null) ? text.replaceAll("\\s+", "") : null;
    }

    private static byte[] concatenate(byte[] first, byte[] second) throws IOException {
        try (PDDocument merged = Loader.loadPDF(first); PDDocument next = Loader.loadPDF(second)) {
            new PDFMergerUtility().appendDocument(merged, next);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            merged.save(out);
            return out.toByteArray();
        }
    }
}
