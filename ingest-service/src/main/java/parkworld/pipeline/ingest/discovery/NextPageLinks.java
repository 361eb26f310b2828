package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import parkworld.pipeline.ingest.DiscoveryProperties;

/** Finds the "next page" link of a listing page: {@code rel=next}, a configured selector, or a configured text. */
final class NextPageLinks {

    /** Decoration around "next" texts: {@code [下一页]}, {@code 下一页 >}, {@code Next »}. */
    private static final String DECORATION = "[\\s\\u00A0<>«»‹›\\[\\]【】()（）]+";

    private final Set<String> texts;
    private final Optional<Evaluator> selector;

    NextPageLinks(DiscoveryProperties.Pagination config) {
        this.texts = config.nextLinkTexts().stream().map(NextPageLinks::normalised).collect(Collectors.toUnmodifiableSet());
        this.selector = config.nextLinkSelector().isBlank() ? Optional.empty()
                : Optional.of(CandidateRules.parseSelector("parkworld.ingest.discovery.pagination.next-link-selector",
                        config.nextLinkSelector()));
    }

    /** Where the next page is, in the order rel=next, selector, text; empty on the last page. */
    Optional<URI> next(Document page) {
        List<Element> links = page.select("a[href], link[href], area[href]");
        return links.stream().filter(NextPageLinks::isRelNext).findFirst()
            .or(() -> this.selector.flatMap(s -> links.stream().filter(l -> l.is(s)).findFirst()))
            .or(() -> links.stream().filter(l -> this.texts.contains(normalised(l.text()))).findFirst())
            .flatMap(l -> LinkTargets.toUri(l.absUrl("href")));
    }

    private static boolean isRelNext(Element link) {
        for (String token : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("next")) {
                return true;
            }
        }
        return false;
    }

    private static String normalised(String text) {
        return text.replaceAll(DECORATION, "").toLowerCase(Locale.ROOT);
    }
}
