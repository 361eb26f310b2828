package parkworld.pipeline.parser.enrichment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds day-precise dates ({@code 2023年5月24日}, {@code 5 月 24 日}, {@code 2023-05-24}) and resolves them to
 * ISO dates. Anything less certain gives no date rather than a wrong one: month-only mentions ({@code 今年9月底}),
 * bare days ({@code 24日}), relative words ({@code 近日}, {@code 上旬}), two-digit or "same" years
 * ({@code 23年5月}, {@code 同年5月}), lunar dates ({@code 农历5月5日}), invalid dates ({@code 2月30日}) and both ends
 * of a range ({@code 5月24日至26日}, {@code 5月20日—6月2日}) are all skipped.
 *
 * <p>A month and day without a year takes the year that puts it within the 12-month window from 9 months before
 * to 2 months after the issue month: in a January issue {@code 12月29日} is last December, in a December issue
 * {@code 1月1日} is next January, in a May issue {@code 7月1日} is this July but {@code 8月1日} is last August.
 */
final class DateResolver {

    private static final String SPACE = "\\s*";

    // Starts at the month's digits so that the many positions without a digit fail at once; the year before it is
    // read backwards in code.
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "(?<month>[0-9]{1,2})" + SPACE + "月" + SPACE + "(?<day>[0-9]{1,2})" + SPACE + "日");

    private static final Pattern YEAR_BEFORE = Pattern.compile(
            "(?<![0-9])(?<year>[12][0-9]{3})" + SPACE + "年" + SPACE + "$");

    private static final Map<String, Integer> RELATIVE_YEARS = Map.of("今年", 0, "去年", -1, "明年", 1, "前年", -2);

    // The separator must repeat (2023-05-24, not 2023-05/24); 2023.5 alone is not a date.
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![0-9.])(?<year>(?:19|20)[0-9]{2})(?<sep>[-/.])"
            + "(?<month>[0-9]{1,2})\\k<sep>(?<day>[0-9]{1,2})(?![0-9]|\\.[0-9])");

    private static final String RANGE_CONNECTORS = "至到-—–~";

    /** Months after the issue month that a yearless date may lie; further ahead means the previous year. */
    private static final int MONTHS_AHEAD = 2;

    /** Dates in {@code text} in order of appearance, duplicates kept (the caller deduplicates across fields). */
    List<LocalDate> resolve(String text, IssueDate issue) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return resolveFolded(WidthNormalizer.fold(text), issue);
    }

    /** {@link #resolve} of a text already {@link WidthNormalizer#fold folded} (shared with the amounts). */
    List<LocalDate> resolveFolded(String folded, IssueDate issue) {
        if (folded.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        Matcher chinese = CHINESE_DATE.matcher(folded);
        int from = 0;
        while (findChineseDate(chinese, folded, from)) {
            Found date = chineseDate(chinese, folded, issue);
            if (date != null && !inRange(folded, date.position(), chinese.end())) {
                found.add(date);
            }
            from = chinese.end();
        }
        Matcher numeric = NUMERIC_DATE.matcher(folded);
        from = 0;
        while (findNumericDate(numeric, folded, from)) {
            LocalDate date = date(Integer.parseInt(numeric.group("year")), numeric.group("month"),
                    numeric.group("day"));
            if (date != null && !inRange(folded, numeric.start(), numeric.end())) {
                found.add(new Found(numeric.start(), date));
            }
            from = numeric.end();
        }
        found.sort((a, b) -> Integer.compare(a.position, b.position));
        return found.stream().map(Found::date).toList();
    }

    /**
     * What {@link Matcher#find(int)} would find for {@link #CHINESE_DATE} from {@code from}, but tried only where a
     * match can start: at the one or two digits (after blanks) before each 月, which {@link String#indexOf(int)}
     * finds far faster than a test of every digit of the text (years, amounts, percentages) would. A match holds
     * the first 月 after its start's digits and blanks, so taking the 月 in order, and the possible starts before each
     * in order, tries the positions in the text's order.
     *
     * @param m a matcher over {@code text}; on success it holds the match (its region from the match's start to the
     *          end of the text, with transparent bounds, so that the year read backwards sees the text before)
     */
    private static boolean findChineseDate(Matcher m, String text, int from) {
        m.useTransparentBounds(true);
        int length = text.length();
        for (int month = text.indexOf('月', from); month >= 0; month = text.indexOf('月', month + 1)) {
            int digitsEnd = month;
            while (digitsEnd > from && isRegexSpace(text.charAt(digitsEnd - 1))) {
                digitsEnd--;
            }
            int start = digitsEnd;
            while (start > from && digitsEnd - start < 2 && isAsciiDigit(text.charAt(start - 1))) {
                start--;
            }
            for (int i = start; i < digitsEnd; i++) {
                if (m.region(i, length).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What {@link Matcher#find(int)} would find for {@link #NUMERIC_DATE} from {@code from}, tried only where the text
     * has 19 or 20 (the start of its year), in the text's order.
     */
    private static boolean findNumericDate(Matcher m, String text, int from) {
        m.useTransparentBounds(true);
        int length = text.length();
        int nineteen = text.indexOf("19", from);
        int twenty = text.indexOf("20", from);
        while (nineteen >= 0 || twenty >= 0) {
            int i;
            if (twenty < 0 || (nineteen >= 0 && nineteen < twenty)) {
                i = nineteen;
                nineteen = text.indexOf("19", i + 1);
            }
            else {
                i = twenty;
                twenty = text.indexOf("20", i + 1);
            }
            if (mayStartNumericDate(text, i) && m.region(i, length).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link #NUMERIC_DATE} can match at {@code i}: not after a digit or a dot, then 19 or 20, two digits and
     * a separator.
     */
    private static boolean mayStartNumericDate(String text, int i) {
        if (i + 4 >= text.length()) {
            return false;
        }
        if (i > 0 && (isAsciiDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            return false;
        }
        char first = text.charAt(i);
        char second = text.charAt(i + 1);
        return ((first == '1' && second == '9') || (first == '2' && second == '0')) && isAsciiDigit(text.charAt(i + 2))
                && isAsciiDigit(text.charAt(i + 3)) && "-/.".indexOf(text.charAt(i + 4)) >= 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What the patterns' {@code \s} matches: ASCII blanks only, as they are not compiled for Unicode classes. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The date and where it starts (at its year, if printed), or null. */
    private static Found chineseDate(Matcher m, String text, IssueDate issue) {
        int monthStart = m.start();
        if (monthStart > 0 && Character.isDigit(text.charAt(monthStart - 1))) {
            return null; // 115月: not a month
        }
        int before = skipSpacesBackwards(text, monthStart);
        if (before > 0 && text.charAt(before - 1) == '年') {
            Matcher year = YEAR_BEFORE.matcher(text).region(Math.max(0, monthStart - 12), monthStart)
                    .useTransparentBounds(true);
            if (year.find()) {
                return found(year.start(), Integer.parseInt(year.group("year")), m);
            }
            Integer offset = (before >= 2) ? RELATIVE_YEARS.get(text.substring(before - 2, before)) : null;
            if (offset == null || issue == null) {
                return null; // 23年5月24日, 同年5月24日: the year is not known for sure
            }
            return found(before - 2, issue.year() + offset, m);
        }
        if (issue == null || (before >= 2 && text.startsWith("农历", before - 2))) {
            return null; // no reference year, or a lunar date
        }
        return found(monthStart, yearNear(issue, Integer.parseInt(m.group("month"))), m);
    }

    private static Found found(int position, int year, Matcher m) {
        LocalDate date = date(year, m.group("month"), m.group("day"));
        return (date != null) ? new Found(position, date) : null;
    }

    /** The year that places {@code month} between 9 months before and 2 months after the issue month. */
    static int yearNear(IssueDate issue, int month) {
        int monthsAhead = Math.floorMod(month - issue.month(), 12);
        int absolute = issue.year() * 12 + (issue.month() - 1)
                + ((monthsAhead <= MONTHS_AHEAD) ? monthsAhead : monthsAhead - 12);
        return Math.floorDiv(absolute, 12);
    }

    private static LocalDate date(int year, String month, String day) {
        try {
            return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    /**
     * Whether the date at {@code [start, end)} is one end of a range: followed by a connector and another number
     * ({@code 5月24日至26日}) or preceded by a connector that follows a date ({@code 5月20日至5月24日}); a connector
     * alone, as in {@code 截至5月24日} or {@code 5月24日至今}, does not make a range.
     */
    private static boolean inRange(String text, int start, int end) {
        int after = skipSpaces(text, end);
        if (after < text.length() && RANGE_CONNECTORS.indexOf(text.charAt(after)) >= 0) {
            int next = skipSpaces(text, after + 1);
            if (next < text.length() && Character.isDigit(text.charAt(next))) {
                return true;
            }
        }
        int before = skipSpacesBackwards(text, start);
        if (before > 0 && RANGE_CONNECTORS.indexOf(text.charAt(before - 1)) >= 0) {
            int previous = skipSpacesBackwards(text, before - 1);
            if (previous > 0) {
                char c = text.charAt(previous - 1);
                return c == '日' || Character.isDigit(c);
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int index) {
        int i = index;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpacesBackwards(String text, int index) {
        int i = index;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private record Found(int position, LocalDate date) {
    }
}
