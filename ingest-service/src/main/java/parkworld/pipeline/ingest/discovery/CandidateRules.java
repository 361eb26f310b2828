package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import parkworld.pipeline.ingest.DiscoveryProperties;

/** Decides which links of a listing page are candidate issues, and reads the issue's serial from the listing. */
final class CandidateRules {

    /** The elements around a link whose text may name its issue, e.g. {@code <li>总153期 <a>下载</a></li>}. */
    private static final Set<String> ITEM_TAGS = Set.of("li", "tr", "dd", "dt", "p");

    private final List<Pattern> linkTexts;
    private final List<Pattern> urls;
    private final List<Pattern> excludedUrls;
    private final Optional<Evaluator> selector;
    private final Pattern issueSerial;

    CandidateRules(DiscoveryProperties.Candidates config) {
        String prefix = "parkworld.ingest.discovery.candidates.";
        this.linkTexts = compile(prefix + "link-text-patterns", config.linkTextPatterns());
        this.urls = compile(prefix + "url-patterns", config.urlPatterns());
        this.excludedUrls = compile(prefix + "exclude-url-patterns", config.excludeUrlPatterns());
        this.selector = config.selector().isBlank() ? Optional.empty()
                : Optional.of(parseSelector(prefix + "selector", config.selector()));
        this.issueSerial = compile(prefix + "issue-serial-pattern", List.of(config.issueSerialPattern())).get(0);
        if (this.issueSerial.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException(prefix + "issue-serial-pattern needs a group for the serial: "
                    + config.issueSerialPattern());
        }
    }

    /** Which rule makes {@code link} (pointing to {@code target}) a candidate; empty when none does. */
    Optional<String> matchingRule(Element link, URI target) {
        return matchingRule(link, target, true);
    }

    private Optional<String> matchingRule(Element link, URI target, boolean applyExclusions) {
        String url = LinkTargets.pathAndQuery(target);
        if (applyExclusions && this.excludedUrls.stream().anyMatch(p -> p.matcher(url).find())) {
            return Optional.empty();
        }
        String text = link.text() + " " + link.attr("title");
        return this.linkTexts.stream()
            .filter(p -> p.matcher(text).find())
            .findFirst()
            .map(p -> "link text " + p.pattern())
            .or(() -> this.urls.stream().filter(p -> p.matcher(url).find()).findFirst().map(p -> "url " + p.pattern()))
            .or(() -> this.selector.filter(s -> link.is(s)).map(s -> "selector"));
    }

    /**
     * The issue's serial as the listing states it: in the link's text, its title, or else the nearest list item
     * around it that names exactly one serial (a table row or list item holding several issues names none).
     */
    OptionalLong issueSerial(Element link) {
        OptionalLong own = onlySerialIn(link.text() + " " + link.attr("title"));
        if (own.isPresent()) {
            return own;
        }
        for (Element parent : link.parents()) {
            if (ITEM_TAGS.contains(parent.normalName())) {
                // An item linking elsewhere too may name another link's issue: broken markup (an unclosed <p>)
                // puts the next issue's link into the item of the one before.
                return linksToOneTarget(parent) ? onlySerialIn(parent.text()) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** Whether every link in {@code item} points to the same place (an icon and a text link to one file). */
    private static boolean linksToOneTarget(Element item) {
        return item.select("a[href], area[href]").stream()
            .map(l -> LinkTargets.toUri(l.absUrl("href")))
            .distinct()
            .count() <= 1;
    }

    /** The exclusion pattern {@code target} matches, if any: a page, an image, a folder. */
    Optional<String> exclusion(URI target) {
        String url = LinkTargets.pathAndQuery(target);
        return this.excludedUrls.stream().filter(p -> p.matcher(url).find()).findFirst().map(Pattern::pattern);
    }

    /** Which rule {@code link} matches, exclusions aside: to say what an exclusion left out. */
    Optional<String> matchingRuleIgnoringExclusions(Element link, URI target) {
        return matchingRule(link, target, false);
    }

    private OptionalLong onlySerialIn(String text) {
        Matcher matcher = this.issueSerial.matcher(text);
        Set<Long> serials = new java.util.HashSet<>();
        while (matcher.find()) {
            try {
                serials.add(Long.parseLong(matcher.group(1)));
            }
            catch (NumberFormatException ex) {
                // Not digits, or too many of them: this is no serial.
            }
        }
        return serials.size() == 1 ? OptionalLong.of(serials.iterator().next()) : OptionalLong.empty();
    }

    static List<Pattern> compile(String property, List<String> patterns) {
        return patterns.stream().map(p -> {
            try {
                return Pattern.compile(p);
            }
            catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException(property + " has an invalid regular expression: " + ex.getMessage(), ex);
            }
        }).collect(Collectors.toUnmodifiableList());
    }

    static Evaluator parseSelector(String property, String css) {
        try {
            return QueryParser.parse(css);
        }
        catch (Selector.SelectorParseException ex) {
            throw new IllegalArgumentException(property + " is not a valid CSS selector: " + ex.getMessage(), ex);
        }
    }
}
