package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parkworld.pipeline.contract.ArticleExtracted.Investment;
import parkworld.pipeline.contract.ArticleExtracted.Organization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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
        articles = read("/fixtures/issue-121.expected.json");
        gold = read("/enrichment/issue-121.gold.json");
        assertThat(gold).hasSameSizeAs(articles).hasSize(43);
        enricher = new ArticleEnricher();
        enrichments = articles.stream().map(ArticleEnricherGoldTests::enrich).toList();
    }

    private static Enrichment enrich(JsonNode article) {
        JsonNode source = article.get("sourceName");
        return enricher.enrich(article.get("title").asString(), article.get("lead").asString(),
                article.get("body").asString(), source.isNull() ? null : source.asString(), ISSUE);
    }

    private static List<JsonNode> read(String resource) throws IOException {
        try (InputStream in = ArticleEnricherGoldTests.class.getResourceAsStream(resource)) {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(in).get("articles").forEach(list::add);
            return list;
        }
    }

    static Stream<Integer> ordinals() {
        return IntStream.rangeClosed(1, 43).boxed();
    }

    /** One gold organization: its name and the other forms the article prints. */
    private record GoldOrganization(Set<String> names, String role) {
    }

    private static List<GoldOrganization> goldOrganizations(int ordinal) {
        List<GoldOrganization> list = new ArrayList<>();
        for (JsonNode o : gold.get(ordinal - 1).get("organizations")) {
            Set<String> names = new HashSet<>(Set.of(o.get("name").asString()));
            if (o.has("aliases")) {
                o.get("aliases").forEach(alias -> names.add(alias.asString()));
            }
            list.add(new GoldOrganization(names, o.get("role").asString()));
        }
        return list;
    }

    @Test
    void organizationsReachPrecisionAndRecallOnTheGold() {
        int truePositives = 0;
        int predicted = 0;
        int expected = 0;
        int rolesRight = 0;
        StringBuilder errors = new StringBuilder();
        for (int ordinal = 1; ordinal <= 43; ordinal++) {
            assertThat(gold.get(ordinal - 1).get("ordinal").asInt()).as("gold order").isEqualTo(ordinal);
            List<GoldOrganization> remaining = new ArrayList<>(goldOrganizations(ordinal));
            expected += remaining.size();
            for (Organization found : enrichments.get(ordinal - 1).organizations()) {
                predicted++;
                GoldOrganization match = remaining.stream().filter(g -> g.names().contains(found.name())).findFirst()
                        .orElse(null);
                if (match == null) {
                    errors.append(String.format("  #%d false positive: %s (%s)%n", ordinal, found.name(), found.role()));
                    continue;
                }
                remaining.remove(match);
                truePositives++;
                if (match.role().equals(found.role())) {
                    rolesRight++;
                }
                else {
                    errors.append(String.format("  #%d role: %s is %s, found %s%n", ordinal, found.name(), match.role(),
                            found.role()));
                }
            }
            for (GoldOrganization missed : remaining) {
                errors.append(String.format("  #%d missed: %s%n", ordinal, missed.names()));
            }
        }
        double precision = (double) truePositives / predicted;
        double recall = (double) truePositives / expected;
        System.out.printf(Locale.ROOT,
                "organizations on the issue-121 gold: precision %.3f (%d/%d), recall %.3f (%d/%d), roles right %.3f "
                        + "(%d/%d of the names found)%n%s",
                precision, truePositives, predicted, recall, truePositives, expected,
                (double) rolesRight / truePositives, rolesRight, truePositives, errors);
        assertThat(precision).as("precision; errors:%n%s", errors).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall; errors:%n%s", errors).isGreaterThanOrEqualTo(MIN_RECALL);
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
