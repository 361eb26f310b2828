package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsRulesTests {

    private static final String ROBOTS = """
            # parkworld.net
            User-agent: *
            Disallow: /admin/
            Disallow: /*.php$
            Allow: /admin/public/
            Crawl-delay: 3

            User-agent: BadBot
            Disallow: /
            """;

    @ParameterizedTest
    @CsvSource({ "/weekly/issue-121.pdf, true", "/admin/login, false", "/admin/public/issue-121.pdf, true",
            "/index.php, false", "/index.php?x=1, true", "/, true" })
    void appliesTheLongestMatchingRule(String path, boolean allowed) {
        assertThat(RobotsRules.parse(ROBOTS, "parkworld-pipeline").allows(path)).as(path).isEqualTo(allowed);
    }

    @Test
    void usesTheGroupNamingTheCrawlerOverTheWildcardGroup() {
        assertThat(RobotsRules.parse(ROBOTS, "BadBot").allows("/weekly/issue-121.pdf")).isFalse();
        assertThat(RobotsRules.parse(ROBOTS, "parkworld-pipeline").allows("/weekly/issue-121.pdf")).isTrue();
    }

    @Test
    void readsTheCrawlDelayOfTheChosenGroup() {
        assertThat(RobotsRules.parse(ROBOTS, "parkworld-pipeline").crawlDelay()).contains(Duration.ofSeconds(3));
        assertThat(RobotsRules.parse(ROBOTS, "BadBot").crawlDelay()).isEmpty();
    }

    @Test
    void allowsEverythingWhenNoGroupApplies() {
        RobotsRules rules = RobotsRules.parse("User-agent: OtherBot\nDisallow: /\n", "parkworld-pipeline");
        assertThat(rules.allows("/weekly/issue-121.pdf")).isTrue();
    }

    @Test
    void emptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "parkworld-pipeline").allows("/x")).isTrue();
    }

    @Test
    void prefersAllowOnATie() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /files\nAllow: /files\n", "parkworld-pipeline");
        assertThat(rules.allows("/files/issue.pdf")).isTrue();
    }
}
