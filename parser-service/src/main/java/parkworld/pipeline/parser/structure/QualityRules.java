package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import parkworld.pipeline.contract.IssueParsed;

/**
 * When a parse is degraded: published, but most likely a layout the parser does not read well, for an operator to
 * look at. Each figure beyond its bound adds a reason that names the figure, its value, and the property that sets
 * the bound ({@code parkworld.parser.quality.*}).
 *
 * @param minTocMatchedShare share (0 to 1) of the table-of-contents entries that must match an article
 * @param maxArticlesWithoutSourceShare share (0 to 1) of the articles that may lack a source attribution
 * @param maxPagesWithUnassignedText pages that may hold text that went into no article
 * @param maxArticlesWithoutText titles that may have no text (they are never published as articles)
 */
public record QualityRules(double minTocMatchedShare, double maxArticlesWithoutSourceShare,
        int maxPagesWithUnassignedText, int maxArticlesWithoutText) {

    /** The service's defaults (see {@code application.yml}). */
    public static final QualityRules DEFAULTS = new QualityRules(0.9, 0.2, 2, 0);

    private static final String PREFIX = "parkworld.parser.quality.";

    /** At most this many page numbers are named in a reason. */
    private static final int MAX_PAGES_NAMED = 10;

    IssueParsed.Quality assess(StructureFigures figures, List<ParsedArticle> articles) {
        double matchedShare = (figures.tocEntries() == 0) ? 1.0
                : (double) figures.tocEntriesMatched() / figures.tocEntries();
        int withoutSource = (int) articles.stream().filter((article) -> article.sourceName() == null).count();
        List<String> reasons = new ArrayList<>();
        if (matchedShare < this.minTocMatchedShare) {
            reasons.add(String.format(Locale.ROOT, "only %d of %d table-of-contents entries (%s) match an article, "
                    + "fewer than %smin-toc-matched-share (%s)", figures.tocEntriesMatched(), figures.tocEntries(),
                    percent(matchedShare), PREFIX, percent(this.minTocMatchedShare)));
        }
        double withoutSourceShare = articles.isEmpty() ? 0 : (double) withoutSource / articles.size();
        if (withoutSourceShare > this.maxArticlesWithoutSourceShare) {
            reasons.add(String.format(Locale.ROOT, "%d of %d articles (%s) have no source attribution, more than "
                    + "%smax-articles-without-source-share (%s)", withoutSource, articles.size(),
                    percent(withoutSourceShare), PREFIX, percent(this.maxArticlesWithoutSourceShare)));
        }
        List<Integer> unassigned = figures.pagesWithUnassignedText();
        if (unassigned.size() > this.maxPagesWithUnassignedText) {
            String named = unassigned.stream().limit(MAX_PAGES_NAMED).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ((unassigned.size() > MAX_PAGES_NAMED) ? ", …" : "");
            reasons.add(String.format(Locale.ROOT, "%d pages (%s) hold text outside any article, more than "
                    + "%smax-pages-with-unassigned-text (%d)", unassigned.size(), named, PREFIX,
                    this.maxPagesWithUnassignedText));
        }
        if (figures.articlesWithoutText() > this.maxArticlesWithoutText) {
            reasons.add(String.format(Locale.ROOT, "%d titles have no text and were not published as articles, more "
                    + "than %smax-articles-without-text (%d)", figures.articlesWithoutText(), PREFIX,
                    this.maxArticlesWithoutText));
        }
        return new IssueParsed.Quality(figures.tocEntries(), figures.tocEntriesMatched(), matchedShare, withoutSource,
                figures.tocArticlesPerSection(), unassigned, !reasons.isEmpty(), List.copyOf(reasons));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
