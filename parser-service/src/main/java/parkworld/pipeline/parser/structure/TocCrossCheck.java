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
import java.util.regex.Pattern;

/**
 * Matches the articles found in the pages against the table of contents and reports every
 * difference the editors made as a warning: titles that differ, page or section
 * mismatches, articles missing from the table of contents and listed articles that were not
 * found. Titles are matched exactly first, then fuzzily near the expected position.
 *
 * <p>Differences a PDF producer alone introduces are no warning: blanks, full/half-width forms,
 * quotation marks, dashes and middle dots set differently, a title shortened with an ellipsis in
 * the table of contents, and page numbers that are all off by the same amount (a table of
 * contents listing printed pages in a PDF that prints none, or counting the cover).
 */
final class TocCrossCheck {

    /** Minimum similarity (1 - edit distance / length) for a fuzzy title match. */
    private static final double MIN_SIMILARITY = 0.8;

    /** A fuzzy match is searched this many entries before and after the expected position. */
    private static final int WINDOW_BEHIND = 5;

    private static final int WINDOW_AHEAD = 15;

    private static final int MIN_CONTAINED_LENGTH = 8;

    /** An ellipsis closing a shortened title; compiled once, not per entry as String.replaceAll would. */
    private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("(…|⋯|\\.{2,})+$");

    private TocCrossCheck() {
    }

    /**
     * What the cross-check found.
     *
     * @param articles the articles with their {@code tocTitle} filled in where the table of contents lists them
     * @param matchedEntries entries of the table of contents matched to an article
     */
    record Result(List<ParsedArticle> articles, int matchedEntries) {
    }

    static Result apply(List<ParsedArticle> articles, TableOfContents toc, List<String> warnings) {
        if (toc.isEmpty()) {
            warnings.add("No table of contents found; articles were not cross-checked");
            return new Result(articles, 0);
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
        int[] matches = new int[articles.size()];
        String[] normalizedTitles = new String[articles.size()];
        int expected = 0;
        for (int a = 0; a < articles.size(); a++) {
            String title = normalize(articles.get(a).title());
            normalizedTitles[a] = title;
            int match = exactMatch(exact.get(title), used);
            if (match < 0) {
                match = fuzzyMatch(title, normalizedEntries, used, expected);
            }
            matches[a] = match;
            if (match >= 0) {
                used[match] = true;
                expected = match + 1;
            }
        }
        int pageOffset = producerPageOffset(articles, entries, matches);
        List<ParsedArticle> result = new ArrayList<>(articles.size());
        int matched = 0;
        for (int a = 0; a < articles.size(); a++) {
            ParsedArticle article = articles.get(a);
            int match = matches[a];
            if (match < 0) {
                warnings.add("Article " + article.ordinal() + " \"" + article.title() + "\" (page " + article.page()
                        + ") is missing from the table of contents");
                result.add(article);
                continue;
            }
            matched++;
            TocEntry entry = entries.get(match);
            boolean titleDiffers = !normalizedEntries.get(match).equals(normalizedTitles[a])
                    && !isShortened(entry.title(), article.title());
            compare(article, entry, titleDiffers, pageOffset, warnings);
            result.add(article.withTocTitle(entry.title()));
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i]) {
                warnings.add("Table of contents lists \"" + entries.get(i).title() + "\" (page " + entries.get(i).page()
                        + ") but no such article was found");
            }
        }
        compareSections(result, toc, warnings);
        return new Result(result, matched);
    }

    /**
     * The difference between the pages found and the pages listed that most matched articles share, when it is
     * shared by more than half of them: the producer numbers pages differently from the table of contents (a PDF
     * that prints no page numbers, so physical pages are used, or numbering that counts the cover). Else 0.
     */
    private static int producerPageOffset(List<ParsedArticle> articles, List<TocEntry> entries, int[] matches) {
        Map<Integer, Integer> offsets = new HashMap<>();
        int matched = 0;
        for (int a = 0; a < articles.size(); a++) {
            if (matches[a] >= 0) {
                offsets.merge(articles.get(a).page() - entries.get(matches[a]).page(), 1, Integer::sum);
                matched++;
            }
        }
        int offset = 0;
        int count = 0;
        for (Map.Entry<Integer, Integer> candidate : offsets.entrySet()) {
            if (candidate.getValue() > count) {
                offset = candidate.getKey();
                count = candidate.getValue();
            }
        }
        return (count * 2 > matched) ? offset : 0;
    }

    /** Whether the listed title is the title cut short with an ellipsis, as a narrow table of contents does. */
    private static boolean isShortened(String listed, String title) {
        String normalized = normalize(listed);
        String stem = TRAILING_ELLIPSIS.matcher(normalized).replaceAll("");
        return stem.length() < normalized.length() && !stem.isEmpty() && normalize(title).startsWith(stem);
    }

    private static void compare(ParsedArticle article, TocEntry entry, boolean titleDiffers, int pageOffset,
            List<String> warnings) {
        String label = "Article " + article.ordinal() + " \"" + article.title() + "\"";
        if (titleDiffers) {
            warnings.add(label + " is listed in the table of contents as \"" + entry.title() + "\"");
        }
        if (article.page() - entry.page() != pageOffset) {
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

    /**
     * Title for comparison: compatibility forms folded (full-width brackets, digits), quotation marks, dashes and
     * middle dots folded to one form each (producers and fonts substitute them), no blanks, lower case.
     */
    static String normalize(String title) {
        String folded = Headings.removeWhitespace(Normalizer.normalize(title, Normalizer.Form.NFKC))
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ("“”„‟\"「」『』".indexOf(c) >= 0) {
                out.append('"');
            }
            else if ("‘’‚‛'".indexOf(c) >= 0) {
                out.append('\'');
            }
            else if ("‐‑‒–—―－-".indexOf(c) >= 0) {
                out.append('-');
            }
            else if ("·•・∙⋅".indexOf(c) >= 0) {
                out.append('·');
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
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
