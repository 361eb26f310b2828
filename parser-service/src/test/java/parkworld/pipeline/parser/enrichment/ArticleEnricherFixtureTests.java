package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted.Amount;
import parkworld.pipeline.contract.ArticleExtracted.Place;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Enriches the 43 expected articles of the issue-121 fixture (园区周报 2023年5月4期). */
class ArticleEnricherFixtureTests {

    private static final IssueDate ISSUE = new IssueDate(2023, 5);

    private static List<JsonNode> articles;

    private static List<Enrichment> enrichments;

    private static ArticleEnricher enricher;

    @BeforeAll
    static void enrichFixture() throws IOException {
        JsonNode expected;
        String fixture = "/fixtures/issue-121.expected.json";
        try (InputStream in = ArticleEnricherFixtureTests.class.getResourceAsStream(fixture)) {
            expected = new ObjectMapper().readTree(in);
        }
        articles = new ArrayList<>();
        expected.get("articles").forEach(articles::add);
        enricher = new ArticleEnricher();
        enrichments = articles.stream().map(ArticleEnricherFixtureTests::enrich).toList();
    }

    private static Enrichment enrich(JsonNode article) {
        JsonNode source = article.get("sourceName");
        return enricher.enrich(article.get("title").asString(), article.get("lead").asString(),
                article.get("body").asString(), source.isNull() ? null : source.asString(), ISSUE);
    }

    private static Enrichment article(int ordinal) {
        assertThat(articles.get(ordinal - 1).get("ordinal").asInt()).as("fixture order").isEqualTo(ordinal);
        return enrichments.get(ordinal - 1);
    }

    @Test
    void enrichesAll43ArticlesWithWellFormedValues() {
        assertThat(enrichments).hasSize(43);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < enrichments.size(); i++) {
            Enrichment e = enrichments.get(i);
            String label = "article " + (i + 1) + " \"" + articles.get(i).get("title").asString() + "\" ";
            softly.assertThat(e.eventDates()).as(label + "dates").doesNotHaveDuplicates()
                    .allMatch(d -> d.getYear() == 2023, "in 2023");
            softly.assertThat(e.amounts()).as(label + "amounts").allSatisfy(a -> {
                assertThat(a.value()).as("value of %s", a.text()).isPositive();
                assertThat(a.value().scale()).as("scale of %s", a.text()).isNotNegative();
                assertThat(a.currency()).as("currency of %s", a.text()).matches("[A-Z]{3}");
            });
            softly.assertThat(e.places()).as(label + "places").isNotEmpty().doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p.provinceCode()).matches("^CN-[A-Z]{2}$"));
            softly.assertThat(e.industries()).as(label + "industries").doesNotHaveDuplicates();
        }
        softly.assertAll();
    }

    @Test
    void article1IsAboutZhongshanWithA3BillionYuanInvestment() {
        Enrichment e = article(1);
        assertThat(e.places()).extracting(Place::province, Place::provinceCode, Place::city).singleElement()
                .satisfies(t -> assertThat(t.toList()).containsExactly("广东省", "CN-GD", "中山市"));
        assertThat(e.amounts()).containsExactly(new Amount(new BigDecimal("3000000000"), "CNY", false, "30亿元"));
    }

    @Test
    void article2TitleAmountOverAHundredBillionIsApproximate() {
        Amount first = article(2).amounts().get(0);
        assertThat(first.text()).isEqualTo("超千亿");
        assertThat(first.value()).isEqualByComparingTo("100000000000");
        assertThat(first.approximate()).isTrue();
        assertThat(article(2).eventDates()).containsExactly(LocalDate.of(2023, 5, 26));
    }

    @Test
    void article12ProductionCapacityIsNotAnAmount() {
        assertThat(article(12).amounts()).as("2.5万吨 is a capacity, not money").isEmpty();
        assertThat(article(12).eventDates()).containsExactly(LocalDate.of(2023, 5, 24));
        assertThat(article(12).places()).extracting(Place::city).containsExactly("西宁市");
    }

    @Test
    void article31OpenedInBeijing() {
        assertThat(article(31).places()).extracting(Place::city).containsExactly("北京市");
    }

    @Test
    void article33IsAboutGuangxiWithAnOpenEndedSaving() {
        assertThat(article(33).places()).containsExactly(new Place("广西壮族自治区", "CN-GX", null,
                article(33).places().get(0).location()));
        assertThat(article(33).amounts()).extracting(Amount::text, Amount::approximate).singleElement()
                .satisfies(t -> assertThat(t.toList()).containsExactly("52 亿元以上", true));
        assertThat(article(33).industries()).contains("logistics", "infrastructure");
    }

    @Test
    void article9InvestmentIsInUsDollars() {
        assertThat(article(9).amounts())
                .containsExactly(new Amount(new BigDecimal("100000000"), "USD", false, "1 亿美元"));
    }

    @Test
    void article10KeepsTheTitleFigureAndIgnoresTheClassDescriptor() {
        assertThat(article(10).amounts()).as("百亿级 is not an amount; the lead repeats the title's 130 亿元")
                .extracting(Amount::text).containsExactly("130 亿元");
        assertThat(article(10).eventDates()).as("今年 9 月底 and 2024 年 12 月底 are months, not days").isEmpty();
        assertThat(article(10).industries()).containsExactly("energy-storage-batteries");
    }

    @Test
    void article43CoversBeijingTianjinAndHebei() {
        assertThat(article(43).places()).extracting(Place::province)
                .containsExactly("河北省", "北京市", "天津市");
    }

    @Test
    void givesTheSameResultsFromManyThreads() {
        List<Enrichment> parallel = IntStream.range(0, 8 * articles.size()).parallel()
                .mapToObj(i -> enrich(articles.get(i % articles.size()))).toList();
        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).as("article %d enriched concurrently", i % articles.size() + 1)
                    .isEqualTo(enrichments.get(i % articles.size()));
        }
    }
}
