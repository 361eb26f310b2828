package parkworld.pipeline.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of a robots.txt that apply to one crawler: the group naming its product token, else the {@code *}
 * group. Paths are matched by prefix (with {@code *} and a final {@code $} as wildcards); the longest matching rule
 * wins and, on a tie, Allow wins, as RFC 9309 says.
 */
public final class RobotsRules {

    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    /** No robots.txt (a 4xx answer): everything is allowed. */
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
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean lastWasAgent = false;
        for (String rawLine : text.split("\r?\n|\r")) {
            String line = rawLine.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (field.equals("user-agent")) {
                if (current == null || !lastWasAgent) {
                    current = new Group();
                    groups.add(current);
                }
                current.agents.add(value.toLowerCase(Locale.ROOT));
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current == null) {
                continue;
            }
            switch (field) {
                case "allow" -> current.rules.add(new Rule(value, true));
                case "disallow" -> {
                    // An empty Disallow allows everything; it adds no rule.
                    if (!value.isEmpty()) {
                        current.rules.add(new Rule(value, false));
                    }
                }
                case "crawl-delay" -> current.crawlDelay = parseDelay(value);
                default -> {
                }
            }
        }
        Group chosen = groups.stream().filter(g -> g.agents.stream().anyMatch(a -> !a.equals("*") && token.startsWith(a)))
            .findFirst()
            .or(() -> groups.stream().filter(g -> g.agents.contains("*")).findFirst())
            .orElse(null);
        return chosen == null ? ALLOW_ALL : new RobotsRules(List.copyOf(chosen.rules), chosen.crawlDelay);
    }

    /** Whether the crawler may fetch this path (with its query, if any). */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : this.rules) {
            if (rule.matches(path) && (best == null || rule.pattern.length() > best.pattern.length()
                    || (rule.pattern.length() == best.pattern.length() && rule.allow))) {
                best = rule;
            }
        }
        return best == null || best.allow;
    }

    /** The Crawl-delay the site asks for, if any. */
    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(this.crawlDelay);
    }

    private static Duration parseDelay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static final class Group {

        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        Duration crawlDelay;
    }

    private record Rule(String pattern, boolean allow) {

        boolean matches(String path) {
            boolean anchored = this.pattern.endsWith("$");
            String body = anchored ? this.pattern.substring(0, this.pattern.length() - 1) : this.pattern;
            return matches(body, 0, path, 0, anchored);
        }

        private static boolean matches(String pattern, int p, String path, int i, boolean anchored) {
            while (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '*') {
                    for (int j = i; j <= path.length(); j++) {
                        if (matches(pattern, p + 1, path, j, anchored)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (i >= path.length() || path.charAt(i) != c) {
                    return false;
                }
                p++;
                i++;
            }
            return !anchored || i == path.length();
        }
    }
}
