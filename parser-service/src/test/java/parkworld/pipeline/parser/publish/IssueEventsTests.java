package parkworld.pipeline.parser.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.parser.structure.IssueMetadata;
import parkworld.pipeline.parser.structure.ParsedArticle;
import parkworld.pipeline.parser.structure.ParsedIssue;

class IssueEventsTests {

    private static final IssueFetched FETCHED = new IssueFetched(1, "issue-121", "file:///blobs/a.pdf",
            "https://www.parkworld.net/issue-121.pdf", "a".repeat(64), 10, Instant.EPOCH);

    @Test
    void enrichesEachArticleWithDatesAmountsPlacesAndIndustries() {
        ParsedIssue issue = new ParsedIssue(new IssueMetadata(121, 2023, 5, 4, "园区周报"), List.of(new ParsedArticle(1,
                "招商引资", "欧普照明华南总部基地增资扩产签约仪式在中山举行", "", "5月24日，项目签约，总投资额达30亿元（中山市政府网站）。",
                "中山市政府网站", 1)), List.of(), 3);

        ArticleExtracted article = IssueEvents.of(FETCHED, issue, "test", Instant.EPOCH).articles().get(0);

        assertThat(article.eventDates()).containsExactly(LocalDate.of(2023, 5, 24));
        assertThat(article.amounts()).singleElement().satisfies(amount -> {
            assertThat(amount.value()).isEqualByComparingTo(new BigDecimal("3000000000"));
            assertThat(amount.currency()).isEqualTo("CNY");
        });
        assertThat(article.places()).extracting(ArticleExtracted.Place::city, ArticleExtracted.Place::provinceCode)
            .first()
            .isEqualTo(org.assertj.core.groups.Tuple.tuple("中山市", "CN-GD"));
        assertThat(EventType.ARTICLE_EXTRACTED.violations(EventJson.write(article))).isEmpty();
    }

    @Test
    void datesAJanuaryIssuesDecemberEventsInThePreviousYear() {
        ParsedIssue january = new ParsedIssue(new IssueMetadata(153, 2024, 1, 1, "园区周报"), List.of(new ParsedArticle(1,
                "招商引资", "年终重大项目集中签约", "", "12月29日，20个重大项目集中签约；1月3日，首批项目开工（苏州市政府网站）。", "苏州市政府网站", 1)),
                List.of(), 3);

        ArticleExtracted article = IssueEvents.of(FETCHED, january, "test", Instant.EPOCH).articles().get(0);

        assertThat(article.eventDates()).containsExactly(LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 3));
    }

    @Test
    void datesTheIssueByItsLatestEventInTheCoverMonthOnEveryEvent() {
        ParsedIssue issue = new ParsedIssue(new IssueMetadata(121, 2023, 5, 4, "园区周报"), List.of(
                new ParsedArticle(1, "招商引资", "甲项目签约", "", "5月24日，项目签约（中山市政府网站）。", "中山市政府网站", 1),
                new ParsedArticle(2, "综合资讯", "乙项目开工", "", "5月26日开工，计划2024年6月30日投产（苏州市政府网站）。", "苏州市政府网站", 2)),
                List.of(), 3);

        IssueEvents events = IssueEvents.of(FETCHED, issue, "test", Instant.EPOCH);

        assertThat(events.summary().issue().date()).isEqualTo(LocalDate.of(2023, 5, 26));
        assertThat(events.articles()).allSatisfy(a -> assertThat(a.issue().date()).isEqualTo(LocalDate.of(2023, 5, 26)));
    }

    @Test
    void warnsWhenTheAnnouncedSerialIsNotTheOneTheCoverPrints() {
        ParsedIssue issue = new ParsedIssue(new IssueMetadata(121, 2023, 5, 4, "园区周报"), List.of(new ParsedArticle(1,
                "招商引资", "甲项目签约", "", "5月24日，项目签约（中山市政府网站）。", "中山市政府网站", 1)), List.of("parser's own"), 3);
        IssueFetched listedAs126 = new IssueFetched(1, "issue-126", "file:///blobs/b.pdf",
                "https://www.parkworld.net/126.pdf", "b".repeat(64), 10, Instant.EPOCH);

        IssueEvents events = IssueEvents.of(listedAs126, issue, "test", Instant.EPOCH);

        assertThat(events.summary().warnings()).containsExactly(
                "Announced as issue-126 but the cover prints 总121期: its articles are published as issue 121's",
                "parser's own");
        assertThat(events.articles().get(0).articleId()).startsWith("121-");
        assertThat(IssueEvents.of(FETCHED, issue, "test", Instant.EPOCH).summary().warnings())
            .containsExactly("parser's own");
    }

    @Test
    void keysThatNameNoSerialOrAnUnprintedOneRaiseNoSerialWarning() {
        assertThat(IssueEvents.serialMismatch("issue-0121", 121)).isEmpty();
        assertThat(IssueEvents.serialMismatch("layout-chrome", 121)).isEmpty();
        assertThat(IssueEvents.serialMismatch("issue-121-corrected", 121)).isEmpty();
        assertThat(IssueEvents.serialMismatch("issue-126", 0)).isEmpty();
        assertThat(IssueEvents.serialMismatch("issue-999999999999999999", 121)).isPresent();
        assertThat(IssueEvents.serialMismatch("issue-122", 121)).isPresent();
    }
}
