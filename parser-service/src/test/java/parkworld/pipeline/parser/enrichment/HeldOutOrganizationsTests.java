package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted.Organization;
import tools.jackson.databind.JsonNode;

/**
 * Organizations measured on issues written for this test, with companies and parks that the fixture (on which the
 * rules were first written) does not name, each labelled by hand before the recogniser ran on it (ENRICHMENT.md,
 * "Gold"). {@code held-out-issue} (14 articles) is no longer held out: rules were tuned on its errors.
 * {@code held-out-issue-2} (17 articles) was written later, and no rule was written while looking at its errors.
 */
class HeldOutOrganizationsTests {

    private final ArticleEnricher enricher = new ArticleEnricher();

    /**
     * First held-out issue: 0.688 / 0.805 on its first run, 0.810 / 0.829 after the rule changes it prompted, 0.854 /
     * 0.854 after the park stops and legal-form merging; the bounds are what is met there.
     */
    @Test
    void organizationsOnTheFirstHeldOutIssueStayAtWhatTheRulesReachedOnIt() throws IOException {
        OrganizationScore score = score("held-out-issue", 14, new IssueDate(2023, 6));
        assertThat(score.precision()).as("precision; errors:%n%s", score.errors()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.recall()).as("recall; errors:%n%s", score.errors()).isGreaterThanOrEqualTo(0.85);
    }

    /**
     * Second held-out issue: first run 0.824 (56 of 68) / 0.800 (56 of 70), 0.864 (57 of 66) / 0.814 (57 of 70) after
     * two general rules found on the other sets' errors (ENRICHMENT.md); the bounds are what is measured.
     */
    @Test
    void organizationsOnTheSecondHeldOutIssueReachTheMeasuredFigures() throws IOException {
        OrganizationScore score = score("held-out-issue-2", 17, new IssueDate(2023, 7));
        assertThat(score.precision()).as("precision; errors:%n%s", score.errors()).isGreaterThanOrEqualTo(0.86);
        assertThat(score.recall()).as("recall; errors:%n%s", score.errors()).isGreaterThanOrEqualTo(0.81);
    }

    private OrganizationScore score(String name, int articleCount, IssueDate issue) throws IOException {
        List<JsonNode> articles = OrganizationScore.articles("/enrichment/" + name + ".articles.json");
        List<JsonNode> gold = OrganizationScore.articles("/enrichment/" + name + ".gold.json");
        assertThat(articles).hasSize(articleCount);
        List<List<Organization>> found = articles.stream()
                .map((article) -> this.enricher.enrich(article.get("title").asString(), article.get("lead").asString(),
                        article.get("body").asString(), article.get("sourceName").asString(), issue).organizations())
                .toList();
        OrganizationScore score = OrganizationScore.of(found, gold);
        System.out.print(score.report(name));
        return score;
    }
}
