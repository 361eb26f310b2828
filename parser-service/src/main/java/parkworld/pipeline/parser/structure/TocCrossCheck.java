package parkworld.pipeline.parser.structure;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches the articles found in the pages against the table of contents and reports every
 * difference as a warning: titles that differ (beyond blanks and full/half-width forms), page
 * or section mismatches, articles missing from the table of contents and listed articles that
 * were not found. Titles are matched exactly first, then fuzzily near the expected position.
 */
final class TocCrossCheck {

    /** Minimum similarity (1 - edit distance / length) for a fuzzy title match. */
    private static final double MIN_SIMILARITY = 0.8;

    /** A fuzzy match is searched this many entries before and after the expected position. */
    private static final int WINDOW_BEHIND = 5;

    private static final int WINDOW_AHEAD = 15;

    private static final int MIN_CONTAINED_LENGTH = 8;

    private TocCrossCheck() {
    }

    /** The articles with their {@code tocTitle} filled in where the table of contents lists them. */
    static List<ParsedArticle> apply(List<ParsedArticle> articles, TableOfContents toc, List<String> warnings) {
        if (toc.isEmpty()) {
            warnings.add("No table of contents found; articles were not cross-checked");
            return articles;
        }
        List<TocEntry> entries = toc.entries();
        List<String> normalizedEntries = new ArrayList<>(entries.size());
        Map<String, Deque<Integer>> exact = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String normalized = normalize(entries.get(i).title());
            normalizedEntries.add(normalized);
            exact.computeIfAbsent(normalized, (key) -> new ArrayDeque<>()).add(i);
        }
        boolean[] used = new boolean[entries.size()];
        List<ParsedArticle> result = new ArrayList<>(articles.size());
        int expected = 0;
        for (ParsedArticle article : articles) {
            String title = normalize(article.title());
            int match = exactMatch(exact.get(title), used);
            if (match < 0) {
                match = fuzzyMatch(title, normalizedEntries, used, expected);
            }
            if (match < 0) {
                warnings.add("Article " + article.ordinal() + " \"" + article.title() + "\" (page " + article.page()
                        + ") is missing from the table of contents");
                result.add(article);
                continue;
            }
            used[match] = true;
            expected = match + 1;
            TocEntry entry = entries.get(match);
            compare(article, entry, !normalizedEntries.get(match).equals(title), warnings);
            result.add(article.withTocTitle(entry.title()));
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i]) {
                warnings.add("Table of contents lists \"" + entries.get(i).title() + "\" (page " + entries.get(i).page()
                        + ") but no such article was found");
            }
        }
        compareSections(result, toc, warnings);
        return result;
    }

    private static void compare(ParsedArticle article, TocEntry entry, boolean titleDiffers, List<String> warnings) {
        String label = "Article " + article.ordinal() + " \"" + article.title() + "\"";
        if (titleDiffers) {
            warnings.add(label + " is listed in the table of contents as \"" + entry.title() + "\"");
        }
        if (article.page() != entry.page()) {
            warnings.add(label + " is on page " + article.page() + " but the table of contents says page "
                    + entry.page());
        }
        if (!article.section().equals(entry.section())) {
            warnings.add(label + " is in section \"" + article.section()
                    + "\" but the table of contents lists it under \"" + entry.section() + "\"");
        }
    }

    private static void compareSections(List<ParsedArticle> articles, TableOfContents toc, List<String> warnings) {
        Set<String> found = new LinkedHashSet<>();
        articles.forEach((article) -> found.add(article.section()));
        for (String listed : toc.sections()) {
            if (!found.contains(listed)) {
                warnings.add("Table of contents lists section \"" + listed + "\" but no article is in it");
            }
        }
        for (String section : found) {
            if (!section.isEmpty() && !toc.sections().contains(section)) {
                warnings.add("Section \"" + section + "\" is not listed in the table of contents");
            }
        }
    }

    private static int exactMatch(Deque<Integer> candidates, boolean[] used) {
        if (candidates != null) {
            for (int candidate : candidates) {
                if (!used[candidate]) {
                    return candidate;
                }
            }
        }
        return -1;
    }

    private static int fuzzyMatch(String title, List<String> entries, boolean[] used, int expected) {
        int best = -1;
        double bestSimilarity = MIN_SIMILARITY;
        int from = Math.max(0, expected - WINDOW_BEHIND);
        int to = Math.min(entries.size(), expected + WINDOW_AHEAD);
        for (int i = from; i < to; i++) {
            if (used[i]) {
                continue;
            }
            double similarity = similarity(title, entries.get(i));
            if (similarity > bestSimilarity || (best < 0 && similarity >= bestSimilarity)) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    /** Title for comparison: compatibility forms folded (full-width brackets, digits), no blanks, lower case. */
    static String normalize(String title) {
        return Headings.removeWhitespace(Normalizer.normalize(title, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    }

    static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        int shorter = Math.min(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        if (shorter >= MIN_CONTAINED_LENGTH && (a.contains(b) || b.contains(a))) {
            // a title shortened in the table of contents
            return Math.max(MIN_SIMILARITY, 1 - (double) (longer - shorter) / longer);
        }
        if (shorter < longer * MIN_SIMILARITY) {
            return 0;
        }
        return 1 - (double) editDistance(a, b) / longer;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((ca == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
