package parkworld.pipeline.parser.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Removes running headers, running footers and page numbers, and reads the printed page number.
 *
 * <p>Only lines in the top or bottom {@value #BAND_PERCENT}% of a page are considered. Such a
 * line is running content when the same text (digits ignored) appears in the same band on
 * several pages, or when it consists of a page number alone and nothing else on the page is
 * further out. Stateless and thread-safe.
 */
public final class RunningContentFilter {

    static final int BAND_PERCENT = 12;

    /** Running content must repeat on at least this share of the pages with text. */
    private static final double MIN_REPEAT_SHARE = 0.3;

    public List<ContentPage> filter(List<PageText> pages) {
        Map<String, Integer> pagesPerKey = countRepeatedBandLines(pages);
        int pagesWithText = (int) pages.stream().filter((page) -> !page.lines().isEmpty()).count();
        int minRepeats = Math.max(2, (int) Math.ceil(pagesWithText * MIN_REPEAT_SHARE));
        List<ContentPage> result = new ArrayList<>(pages.size());
        for (PageText page : pages) {
            result.add(filterPage(page, pagesPerKey, minRepeats));
        }
        return result;
    }

    private static Map<String, Integer> countRepeatedBandLines(List<PageText> pages) {
        Map<String, Integer> pagesPerKey = new HashMap<>();
        for (PageText page : pages) {
            Set<String> keysOnPage = new HashSet<>();
            for (TextLine line : page.lines()) {
                String key = bandKey(page, line);
                if (key != null) {
                    keysOnPage.add(key);
                }
            }
            keysOnPage.forEach((key) -> pagesPerKey.merge(key, 1, Integer::sum));
        }
        return pagesPerKey;
    }

    private static ContentPage filterPage(PageText page, Map<String, Integer> pagesPerKey, int minRepeats) {
        List<TextLine> kept = new ArrayList<>(page.lines().size());
        List<TextLine> pageNumberCandidates = new ArrayList<>(2);
        for (TextLine line : page.lines()) {
            String key = bandKey(page, line);
            if (key == null) {
                kept.add(line);
            }
            else if (pagesPerKey.getOrDefault(key, 0) >= minRepeats) {
                if (pageNumber(line.text()) >= 0) {
                    pageNumberCandidates.add(line);
                }
            }
            else if (pageNumber(line.text()) >= 0) {
                pageNumberCandidates.add(line);
                kept.add(line);
            }
            else {
                kept.add(line);
            }
        }
        OptionalInt printed = OptionalInt.empty();
        for (TextLine candidate : pageNumberCandidates) {
            if (isOutermost(page, candidate, kept)) {
                kept.remove(candidate);
                if (printed.isEmpty() || candidate.y() > page.height() / 2) {
                    // a number in the footer wins over one in the header
                    printed = OptionalInt.of(pageNumber(candidate.text()));
                }
            }
        }
        return new ContentPage(page.number(), printed, page.width(), page.height(), kept);
    }

    /** Whether no remaining line lies between the candidate and the nearer page edge. */
    private static boolean isOutermost(PageText page, TextLine candidate, List<TextLine> kept) {
        boolean top = candidate.y() < page.height() / 2;
        for (TextLine other : kept) {
            if (other != candidate && (top ? other.y() < candidate.y() - 1 : other.y() > candidate.y() + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Key of a line in the header or footer band (digits and blanks ignored), else null. */
    private static String bandKey(PageText page, TextLine line) {
        float band = page.height() * BAND_PERCENT / 100f;
        String prefix;
        if (line.y() <= band) {
            prefix = "top:";
        }
        else if (line.y() >= page.height() - band) {
            prefix = "bottom:";
        }
        else {
            return null;
        }
        String text = line.text();
        StringBuilder key = new StringBuilder(prefix.length() + text.length()).append(prefix);
        boolean inDigits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inDigits) {
                    key.append('#');
                }
                inDigits = true;
            }
            else {
                inDigits = false;
                if (!Character.isWhitespace(c)) {
                    key.append(c);
                }
            }
        }
        return key.toString();
    }

    /**
     * The number of a page-number line such as {@code 12}, {@code - 12 -}, {@code 第12页},
     * {@code Page 12} or {@code 12 / 40}; -1 for any other text.
     */
    static int pageNumber(String text) {
        String s = text.strip();
        s = stripAffix(s, "page", true);
        s = stripAffix(s, "第", true);
        s = stripAffix(s, "页", false);
        s = trimDashes(s);
        int slash = s.indexOf('/');
        if (slash > 0) {
            s = s.substring(0, slash).strip();
        }
        if (s.isEmpty() || s.length() > 4) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isDashOrBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isDashOrBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isDashOrBlank(char c) {
        return c == '-' || c == '–' || c == '—' || Character.isWhitespace(c);
    }

    private static String stripAffix(String s, String affix, boolean prefix) {
        if (prefix && s.regionMatches(true, 0, affix, 0, affix.length())) {
            return s.substring(affix.length()).strip();
        }
        if (!prefix && s.endsWith(affix)) {
            return s.substring(0, s.length() - affix.length()).strip();
        }
        return s;
    }
}
