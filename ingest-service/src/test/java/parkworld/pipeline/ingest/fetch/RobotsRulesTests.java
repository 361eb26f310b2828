package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
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

    private static URI at(String path) {
        return URI.create("https://www.parkworld.net" + path);
    }

    @ParameterizedTest
    @CsvSource({ "/weekly/issue-121.pdf, true", "/admin/login, false", "/admin/public/issue-121.pdf, true",
            "/index.php, false", "/index.php?x=1, true", "/, true" })
    void appliesTheLongestMatchingRule(String path, boolean allowed) {
        assertThat(RobotsRules.parse(ROBOTS, "parkworld-pipeline").allows(at(path))).as(path).isEqualTo(allowed);
    }

    @Test
    void usesTheGroupNamingTheCrawlerOverTheWildcardGroup() {
        assertThat(RobotsRules.parse(ROBOTS, "BadBot").allows(at("/weekly/issue-121.pdf"))).isFalse();
        assertThat(RobotsRules.parse(ROBOTS, "parkworld-pipeline").allows(at("/weekly/issue-121.pdf"))).isTrue();
    }

    @Test
    void readsTheCrawlDelayOfTheChosenGroup() {
        assertThat(RobotsRules.parse(ROBOTS, "parkworld-pipeline").crawlDelay()).contains(Duration.ofSeconds(3));
        assertThat(RobotsRules.parse(ROBOTS, "BadBot").crawlDelay()).isEmpty();
    }

    @Test
    void keepsAHugeCrawlDelayForTheClientToCapInsteadOfClosingTheSite() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nCrawl-delay: 3600\n", "parkworld-pipeline");

        assertThat(rules.crawlDelay()).contains(Duration.ofHours(1));
        assertThat(rules.allows(at("/weekly/issue-121.pdf"))).isTrue();
    }

    @Test
    void allowsEverythingWhenNoGroupApplies() {
        RobotsRules rules = RobotsRules.parse("User-agent: OtherBot\nDisallow: /\n", "parkworld-pipeline");
        assertThat(rules.allows(at("/weekly/issue-121.pdf"))).isTrue();
    }

    @Test
    void emptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "parkworld-pipeline").allows(at("/x"))).isTrue();
    }

    @Test
    void prefersAllowOnATie() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /files\nAllow: /files\n", "parkworld-pipeline");
        assertThat(rules.allows(at("/files/issue.pdf"))).isTrue();
    }

    @Test
    void matchesPercentEncodedAndChinesePathsAlike() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /园区/\n", "parkworld-pipeline");

        assertThat(rules.allows(URI.create("https://www.parkworld.net/%E5%9B%AD%E5%8C%BA/a.pdf"))).isFalse();
        assertThat(rules.allows(at("/weekly/a.pdf"))).isTrue();
    }

    @Test
    void answersFastOnARuleThatBacktracksCatastrophically() {
        // The hand-written matcher this replaced spent about 31 s on one such path check.
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /************Z\n", "parkworld-pipeline");
        URI path = at("/" + "a".repeat(60) + ".pdf");

        boolean allowed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rules.allows(path));

        assertThat(allowed).isTrue();
        assertThat(rules.allows(at("/xZ"))).isFalse();
    }

    @Test
    void survivesARuleOf200000Stars() {
        // The hand-written matcher recursed once per star: a stack overflow.
        String robots = "User-agent: *\nDisallow: /" + "*".repeat(200_000) + "Z\n";

        boolean allowed = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> RobotsRules.parse(robots, "parkworld-pipeline").allows(at("/" + "a".repeat(200) + ".pdf")));

        assertThat(allowed).isTrue();
    }
}
