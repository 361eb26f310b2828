package parkworld.pipeline.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of a site's robots.txt that apply to this crawler, as RFC 9309 defines them, parsed and matched by
 * crawler-commons' {@link SimpleRobotRulesParser}: the group naming the crawler's product token, else the {@code *}
 * group; the longest matching rule wins, Allow on a tie. Its matcher takes linear time, so a hostile rule such as
 * {@code Disallow: /************Z} costs nothing.
 */
public final class RobotsRules {

    private static final RobotsRules ALLOW_ALL = new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));

    private final BaseRobotRules rules;

    private RobotsRules(BaseRobotRules rules) {
        this.rules = rules;
    }

    /** No robots.txt (a 4xx answer, RFC 9309 2.3.1.3): everything is allowed. */
    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    /**
     * Parses a robots.txt for the crawler whose User-Agent starts with {@code productToken}.
     *
     * @param text         the robots.txt
     * @param productToken e.g. {@code parkworld-pipeline}, matched case-insensitively
     */
    public static RobotsRules parse(String text, String productToken) {
        return parse(URI.create("http://robots.invalid/robots.txt"), text.getBytes(StandardCharsets.UTF_8), productToken);
    }

    /**
     * @param robotsUrl    where the robots.txt was read (for the parser's log lines)
     * @param content      its bytes, UTF-8 as RFC 9309 says
     * @param productToken the crawler's product token
     */
    static RobotsRules parse(URI robotsUrl, byte[] content, String productToken) {
        // No maximum Crawl-delay here: crawler-commons would disallow a whole site asking for more; the client caps it.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE,
                SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
        return new RobotsRules(parser.parseContent(robotsUrl.toString(), content, "text/plain",
                List.of(productToken.toLowerCase(Locale.ROOT))));
    }

    /** Whether the crawler may fetch this URL. */
    public boolean allows(URI uri) {
        return this.rules.isAllowed(uri.toASCIIString());
    }

    /** The Crawl-delay the site asks for, if any. */
    public Optional<Duration> crawlDelay() {
        long millis = this.rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(millis));
    }
}
