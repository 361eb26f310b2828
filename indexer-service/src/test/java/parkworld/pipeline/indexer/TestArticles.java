package parkworld.pipeline.indexer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueRef;

/** Valid {@code ArticleExtracted} events for tests. */
public final class TestArticles {

    public static final String SHA = "9f2c6a1e0b8d4f7a3c5e9b1d2f4a6c8e0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d";

    public static final IssueRef ISSUE = new IssueRef(121, 2023, 5, 4, "园区周报 2023年5月4期（总121期）",
            "https://www.parkworld.net/uploads/issue-121.pdf", SHA);

    public static final Instant PARSED_AT = Instant.parse("2023-05-30T08:00:00Z");

    private TestArticles() {
    }

    /** @return an article with every optional part filled in */
    public static ArticleExtracted article() {
        return article("121-0a1b2c3d4e5f", PARSED_AT);
    }

    /**
     * @param articleId its id, matching {@code ^[0-9]+-[0-9a-f]{12}(-[0-9]+)?$}
     * @param parsedAt  when it was parsed
     * @return an article with every optional part filled in
     */
    public static ArticleExtracted article(String articleId, Instant parsedAt) {
        return article(articleId, parsedAt, "欧普照明华南总部基地增资扩产签约仪式在中山举行");
    }

    /**
     * @param articleId its id
     * @param parsedAt  when it was parsed
     * @param title     its title
     * @return an article with every optional part filled in
     */
    public static ArticleExtracted article(String articleId, Instant parsedAt, String title) {
        return new ArticleExtracted(1, articleId, ISSUE, 1, "招商引资", title, title + "。",
                "欧普照明创立于1996年……总投资额达30亿元。\n项目建成后年产值约50亿元（中山市政府网站）。", "中山市政府网站", 1,
                List.of(LocalDate.of(2023, 5, 24)),
                List.of(new ArticleExtracted.Amount(new BigDecimal("3000000000"), "CNY", false, "30亿元"),
                        new ArticleExtracted.Amount(new BigDecimal("5000000000"), "CNY", true, "约50亿元")),
                List.of(new ArticleExtracted.Place("广东省", "CN-GD", "中山市",
                        new ArticleExtracted.GeoPoint(22.52, 113.39))),
                List.of("equipment-manufacturing"), "0.1.0", parsedAt);
    }

    /**
     * @param article    an article
     * @param places     its places instead
     * @param investment its investment instead; null for none
     * @return the article with those, an organization and an event type, as the parser since 0.2.0 fills them
     */
    public static ArticleExtracted withEnrichment(ArticleExtracted article, List<ArticleExtracted.Place> places,
            ArticleExtracted.Investment investment) {
        return new ArticleExtracted(article.schemaVersion(), article.articleId(), article.issue(), article.ordinal(),
                article.section(), article.title(), article.lead(), article.body(), article.sourceName(),
                article.page(), article.eventDates(), article.amounts(), places, article.industries(),
                article.parserVersion(), article.parsedAt(),
                List.of(new ArticleExtracted.Organization("欧普照明", "investor")), "expansion", investment);
    }

    /**
     * @param articleId its id
     * @param parsedAt  when it was parsed
     * @return an article without lead, source, dates, amounts, places or industries
     */
    public static ArticleExtracted bareArticle(String articleId, Instant parsedAt) {
        ArticleExtracted a = article(articleId, parsedAt);
        return new ArticleExtracted(a.schemaVersion(), a.articleId(), a.issue(), 2, "综合资讯", "简讯", "", "正文。", null, 3,
                List.of(), List.of(), List.of(new ArticleExtracted.Place("北京市", "CN-BJ", null, null)), List.of(),
                a.parserVersion(), a.parsedAt());
    }
}
