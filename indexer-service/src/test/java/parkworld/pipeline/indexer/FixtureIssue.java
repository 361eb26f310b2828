package parkworld.pipeline.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixture issue 121 as the indexer gets it, for the tests that index it (search quality, the Kibana panels). The
 * articles are built from the fixture's expected structure (the indexer does not depend on the parser), a few of
 * them with the places, investment, organizations and event type the parser fills since contract 0.2.0.
 */
public final class FixtureIssue {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public static final IssueRef ISSUE = new IssueRef(121, 2023, 5, 4, "园区周报2023年5月4期(总121期)",
            "https://www.parkworld.net/uploads/issue-121.pdf",
            "4a6b1ae3caf923981d906e67b1c115ad50ae7780368532c0aa3b834424698abb", LocalDate.of(2023, 5, 30));
    public static final Instant PARSED_AT = Instant.parse("2023-05-30T07:00:05Z");

    /**
     * Places and investments of some fixture articles, as the parser's enrichment describes them: the first place is
     * the primary one. Article 2 announces a total and its parts, article 6 a total and four parts (only the total is
     * the investment), article 9 dollars, article 17 names two provinces.
     */
    public static final Map<Integer, Enrichment> ENRICHED = Map.of(
            1, new Enrichment(List.of(place("广东省", "CN-GD", "中山市", 22.52, 113.39)), yuan("3000000000", "30亿元")),
            2, new Enrichment(List.of(place("湖北省", "CN-HB", "武汉市", 30.59, 114.31)),
                    yuan("108098000000", "1080.98亿元"), "40093000000", "67445000000"),
            6, new Enrichment(List.of(place("广东省", "CN-GD", "深圳市", 22.54, 114.06)),
                    yuan("349180000000", "3491.8亿元"), "50840000000", "182750000000", "21400000000"),
            9, new Enrichment(List.of(place("江苏省", "CN-JS", "苏州市", 31.30, 120.62)),
                    new ArticleExtracted.Investment(new BigDecimal("100000000"), "USD", new BigDecimal("704670000"),
                            false, "1亿美元")),
            10, new Enrichment(List.of(place("山东省", "CN-SD", "青岛市", 36.07, 120.38)), yuan("13000000000", "130亿元")),
            17, new Enrichment(List.of(place("安徽省", "CN-AH", "合肥市", 31.82, 117.23),
                    place("广东省", "CN-GD", "深圳市", 22.54, 114.06)), yuan("1500000000", "约15亿元")),
            21, new Enrichment(List.of(place("广东省", "CN-GD", "惠州市", 23.11, 114.42)), yuan("52100000000", "521亿元")),
            25, new Enrichment(List.of(place("江苏省", "CN-JS", "常州市", 31.81, 119.97)), yuan("350000000", "3.5亿元")));

    private FixtureIssue() {
    }

    /**
     * @return the 43 articles of {@code fixtures/issue-121.expected.json} as ArticleExtracted events, those of
     *         {@link #ENRICHED} with their places, investment, an organization and an event type
     */
    public static List<ArticleExtracted> articles() {
        try {
            return read();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the fixture's expected structure (sections, articles) as the parser's tests read it */
    public static JsonNode expected() throws IOException {
        try (InputStream in = FixtureIssue.class.getClassLoader()
            .getResourceAsStream("fixtures/issue-121.expected.json")) {
            return JSON.readTree(in.readAllBytes());
        }
    }

    private static List<ArticleExtracted> read() throws IOException {
        JsonNode fixture = expected();
        List<ArticleExtracted> built = new ArrayList<>();
        for (JsonNode article : fixture.path("articles")) {
            int ordinal = article.path("ordinal").asInt();
            Enrichment enrichment = ENRICHED.get(ordinal);
            built.add(new ArticleExtracted(1, articleId(ordinal), ISSUE, ordinal, article.path("section").asString(),
                    article.path("title").asString(), article.path("lead").asString(),
                    article.path("body").asString(), article.path("sourceName").asString(null),
                    article.path("page").asInt(), List.of(LocalDate.of(2023, 5, 24)),
                    enrichment == null ? List.of() : enrichment.amounts(),
                    enrichment == null ? List.of() : enrichment.places(), List.of(), "0.2.0", PARSED_AT,
                    enrichment == null ? List.of() : List.of(new ArticleExtracted.Organization("测试企业", "investor")),
                    enrichment == null ? null : "signing", enrichment == null ? null : enrichment.investment()));
        }
        if (built.size() != 43) {
            throw new IllegalStateException("the fixture has " + built.size() + " articles, not 43");
        }
        return built;
    }

    public static String articleId(int ordinal) {
        return String.format(java.util.Locale.ROOT, "121-%012x", ordinal);
    }

    public record Enrichment(List<ArticleExtracted.Place> places, ArticleExtracted.Investment investment,
            List<ArticleExtracted.Amount> amounts) {

        Enrichment(List<ArticleExtracted.Place> places, ArticleExtracted.Investment investment, String... parts) {
            this(places, investment, amounts(investment, parts));
        }

        private static List<ArticleExtracted.Amount> amounts(ArticleExtracted.Investment investment, String... parts) {
            List<ArticleExtracted.Amount> amounts = new ArrayList<>();
            amounts.add(new ArticleExtracted.Amount(investment.value(), investment.currency(), investment.approximate(),
                    investment.text()));
            for (String part : parts) {
                amounts.add(new ArticleExtracted.Amount(new BigDecimal(part), "CNY", false, part));
            }
            return amounts;
        }
    }

    public static ArticleExtracted.Place place(String province, String code, String city, double lat, double lon) {
        return new ArticleExtracted.Place(province, code, city, new ArticleExtracted.GeoPoint(lat, lon));
    }

    public static ArticleExtracted.Investment yuan(String value, String text) {
        return new ArticleExtracted.Investment(new BigDecimal(value), "CNY", new BigDecimal(value),
                text.startsWith("约"), text);
    }
}
