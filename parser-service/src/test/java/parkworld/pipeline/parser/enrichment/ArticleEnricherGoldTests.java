package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parkworld.pipeline.contract.ArticleExtracted.Investment;
import tools.jackson.databind.JsonNode;

/**
 * Measures organizations, event types and investments against the hand-labelled gold of the issue-121 fixture
 * ({@code enrichment/issue-121.gold.json}; labelling guidelines in ENRICHMENT.md, "Gold").
 */
class ArticleEnricherGoldTests {

    private static final IssueDate ISSUE = new IssueDate(2023, 5);

    private static final double MIN_PRECISION = 0.85;

    private static final double MIN_RECALL = 0.80;

    private static List<JsonNode> articles;

    private static List<JsonNode> gold;

    private static List<Enrichment> enrichments;

    private static ArticleEnricher enricher;

    @BeforeAll
    static void enrichFixture() throws IOException {
        articles = OrganizationScore.articles("/fixtures/issue-121.expected.json");
        gold = OrganizationScore.articles("/enrichment/issue-121.gold.json");
        assertThat(gold).hasSameSizeAs(articles).hasSize(43);
        enricher = new ArticleEnricher();
        enrichments = articles.stream().map(ArticleEnricherGoldTests::enrich).toList();
    }

    private static Enrichment enrich(JsonNode article) {
        JsonNode source = article.get("sourceName");
        return enricher.enrich(article.get("title").asString(), article.get("lead").asString(),
                article.get("body").asString(), source.isNull() ? null : source.asString(), ISSUE);
    }

    static Stream<Integer> ordinals() {
        return IntStream.rangeClosed(1, 43).boxed();
    }

    @Test
    void organizationsReachPrecisionAndRecallOnTheGold() {
        OrganizationScore score = OrganizationScore.of(enrichments.stream().map(Enrichment::organizations).toList(),
                gold);
        System.out.print(score.report("issue-121"));
        assertThat(score.precision()).as("precision; errors:%n%s", score.errors())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.recall()).as("recall; errors:%n%s", score.errors()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @ParameterizedTest(name = "article {0}")
    @MethodSource("ordinals")
    void eventTypeIsTheGoldLabel(int ordinal) {
        assertThat(enrichments.get(ordinal - 1).eventType()).as(articles.get(ordinal - 1).get("title").asString())
                .isEqualTo(gold.get(ordinal - 1).get("eventType").asString());
    }

    @ParameterizedTest(name = "article {0}")
    @MethodSource("ordinals")
    void investmentIsTheGoldHeadlineTotal(int ordinal) {
        JsonNode expected = gold.get(ordinal - 1).get("investment");
        Investment found = enrichments.get(ordinal - 1).investment();
        String title = articles.get(ordinal - 1).get("title").asString();
        if (expected.isNull()) {
            assertThat(found).as(title).isNull();
            return;
        }
        assertThat(found).as(title).isNotNull();
        assertThat(found.value()).as(title).isEqualByComparingTo(new BigDecimal(expected.get("value").asString()));
        assertThat(found.valueCny()).as(title)
                .isEqualByComparingTo(new BigDecimal(expected.get("valueCny").asString()));
        assertThat(found.currency()).as(title).isEqualTo(expected.get("currency").asString());
        assertThat(found.approximate()).as(title).isEqualTo(expected.get("approximate").asBoolean());
        assertThat(found.text()).as(title).isEqualTo(expected.get("text").asString());
    }

    @Test
    void enrichesTheSameFromManyThreadsAsFromOne() {
        List<Enrichment> parallel = IntStream.range(0, 4 * articles.size()).parallel()
                .mapToObj(i -> enrich(articles.get(i % articles.size()))).toList();
        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).as("article %d", i % articles.size() + 1)
                    .isEqualTo(enrichments.get(i % articles.size()));
        }
    }
}
