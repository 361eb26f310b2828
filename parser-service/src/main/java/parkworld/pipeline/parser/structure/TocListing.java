package parkworld.pipeline.parser.structure;

import java.util.List;

import parkworld.pipeline.parser.pdf.TextLine;
import parkworld.pipeline.parser.pdf.TextRun;

/**
 * A line that ends with a listed page number, as tables of contents print them whatever the producer: after a wide
 * gap (a tab or a right-aligned number), after dot leaders, after a space, or right after the text.
 *
 * @param text the line before the number, leaders and blanks removed
 * @param page the listed page number
 * @param separated whether the number stands apart by a wide gap or leaders, which only a listing does; a number
 *        after a space or after nothing could also end a sentence, so it counts only in a run of listings
 */
record TocListing(String text, int page, boolean separated) {

    /** Wider gaps than this many font sizes separate a title from its page number. */
    private static final float MIN_NUMBER_GAP_EM = 2f;

    /** A listed page number has at most this many digits. */
    private static final int MAX_DIGITS = 3;

    /** An outline number such as {@code 1.1} or {@code 2.10.3.} followed by a blank. */
    private static final java.util.regex.Pattern OUTLINE_NUMBER =
            java.util.regex.Pattern.compile("\\d{1,3}(?:\\.\\d{1,3})+\\.?\\s+(?=\\S)");

    /** The longest heading {@link #isHeading} accepts, {@code contents}, without blanks. */
    private static final int HEADING_LENGTH = "contents".length();

    /** Bullets a table of contents may put before its entries. */
    private static final String BULLETS = "●•·∙◦○◆◇▪■□►▶‣-–—*";

    /**
     * @param line the line
     * @param previousPage the page number of the entry before, 0 for the first: page numbers in a table of contents
     *        never go down, which decides where a title ending in digits stops and its page number starts
     * @param maxListedPage larger numbers after a blank or nothing are not page numbers of this PDF (a number set
     *        apart is one even beyond the last page: the PDF may lack pages its table of contents lists)
     * @return the listing, or null if the line does not end with a page number
     */
    static TocListing of(TextLine line, int previousPage, int maxListedPage) {
        List<TextRun> runs = line.runs();
        if (runs.size() >= 2) {
            TextRun last = runs.get(runs.size() - 1);
            TextRun previous = runs.get(runs.size() - 2);
            int number = number(last.text().strip());
            if (number >= 0 && last.x() - previous.xEnd() >= MIN_NUMBER_GAP_EM * line.fontSize()) {
                String text = line.text().substring(0, line.text().length() - last.text().strip().length());
                String title = stripLeaders(text);
                return title.isEmpty() ? null : new TocListing(title, number, true);
            }
        }
        return ofText(line.text().strip(), previousPage, maxListedPage);
    }

    private static TocListing ofText(String text, int previousPage, int maxListedPage) {
        int end = text.length();
        int digitsStart = end;
        while (digitsStart > 0 && isDigit(text.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        if (digitsStart == end) {
            return null;
        }
        String before = text.substring(0, digitsStart);
        String title = stripLeaders(before);
        int leaders = 0;
        for (int i = title.length(); i < before.length(); i++) {
            if (isLeader(before.charAt(i))) {
                leaders++;
            }
        }
        if (leaders >= 2) {
            int number = (end - digitsStart <= MAX_DIGITS) ? Integer.parseInt(text.substring(digitsStart)) : -1;
            return (!title.isEmpty() && number >= 0) ? new TocListing(title, number, true) : null;
        }
        if (!before.isEmpty() && Character.isWhitespace(before.charAt(before.length() - 1))) {
            // after blanks: the number is all the digits
            title = before.strip();
            int number = (end - digitsStart <= MAX_DIGITS) ? Integer.parseInt(text.substring(digitsStart)) : -1;
            if (title.isEmpty() || number < 0 || number > maxListedPage || !isTextEnd(title.charAt(title.length() - 1))) {
                return null;
            }
            return new TocListing(title, number, false);
        }
        if (title.length() < before.length()) {
            // one leader character: a decimal point (2.5) or a hyphen (2023-2025), not a listing
            return null;
        }
        // right after the text: the longest tail of the digits that is a plausible page number
        for (int start = Math.max(digitsStart, end - MAX_DIGITS); start < end; start++) {
            int number = Integer.parseInt(text.substring(start));
            String rest = text.substring(0, start);
            if (text.charAt(start) != '0' && number >= Math.max(previousPage, 1) && number <= maxListedPage
                    && !rest.isEmpty() && (start > digitsStart || isTextEnd(rest.charAt(rest.length() - 1)))) {
                return new TocListing(rest, number, false);
            }
        }
        return null;
    }

    /**
     * Whether a listing may end with this character before its page number: Chinese text or closing punctuation,
     * and Latin letters and digits only after a blank; never a decimal point or a unit ({@code 2.5}, {@code 12GW}).
     */
    private static boolean isTextEnd(char c) {
        return Character.isLetterOrDigit(c) || "）)》」』】”’\"'".indexOf(c) >= 0;
    }

    /** Whether the line is the heading of a table of contents. */
    static boolean isHeading(String text) {
        // every line of the issue is asked: longer ones are turned down without a copy
        if (Headings.exceedsWithoutBlanks(text, HEADING_LENGTH)) {
            return false;
        }
        String compact = Headings.removeWhitespace(text);
        return compact.equals("目录") || compact.equals("本期目录") || compact.equalsIgnoreCase("contents");
    }

    /** Whether the entry text starts with a bullet or a number like {@code 1.} or {@code (3)}. */
    static boolean hasMarker(String text) {
        return !stripMarker(text).equals(text.strip());
    }

    /** The entry without its bullet or numbering: {@code ●}, {@code •}, {@code -}, {@code 1.}, {@code 12、}, {@code (3)},
     * {@code 1.2 } (an outline number; a decimal like {@code 2.5万吨} without a blank after it stays). */
    static String stripMarker(String text) {
        String s = text.strip();
        int i = 0;
        while (i < s.length() && BULLETS.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i > 0) {
            return s.substring(i).strip();
        }
        java.util.regex.Matcher outline = OUTLINE_NUMBER.matcher(s);
        if (outline.lookingAt()) {
            // Word numbers entries under numbered headings 1.1, 1.2, 2.1: a blank always follows the number
            return s.substring(outline.end()).strip();
        }
        int open = (s.startsWith("(") || s.startsWith("（")) ? 1 : 0;
        int digits = open;
        while (digits < s.length() && isDigit(s.charAt(digits)) && digits - open < MAX_DIGITS) {
            digits++;
        }
        if (digits > open && digits < s.length()) {
            char after = s.charAt(digits);
            boolean closes = (open == 1) ? (after == ')' || after == '）')
                    : (after == '.' || after == '、' || after == '．' || after == ')' || after == '）');
            // "2.5万吨" is a title, "2. 万吨" or "2.万吨" an entry number: a decimal point needs no digit after it
            if (closes && !(after == '.' && digits + 1 < s.length() && isDigit(s.charAt(digits + 1)))) {
                return s.substring(digits + 1).strip();
            }
        }
        return s;
    }

    private static String stripLeaders(String text) {
        int end = text.length();
        while (end > 0 && (isLeader(text.charAt(end - 1)) || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isLeader(char c) {
        return c == '.' || c == '…' || c == '·' || c == '．' || c == '⋯' || c == '-' || c == '_';
    }

    private static int number(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
