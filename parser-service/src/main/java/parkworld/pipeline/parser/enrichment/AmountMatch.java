package parkworld.pipeline.parser.enrichment;

/**
 * {@link AmountExtractor#AMOUNT}'s match at one position, found by hand: a number, then the optional parts in order,
 * each taken greedily where it can be. Every part after the number is optional, so the pattern never backtracks
 * into an earlier part, and this gives the groups {@code Matcher.lookingAt()} gives (the tests compare the two on
 * random texts). Trying the pattern at each number was most of the amounts' time: an alternation of 18 currency
 * words and three multiplier forms, tried at every number of a text, when most numbers are dates, areas and shares.
 * Mutable and reused for one text; the same {@code group} numbers as the pattern.
 */
final class AmountMatch {

    static final int ARABIC = 1;

    static final int CHINESE = 2;

    static final int BETWEEN = 3;

    static final int MULTIPLIER = 4;

    static final int CURRENCY = 5;

    static final int AFTER = 6;

    private static final String[] CURRENCY_WORDS = AmountExtractor.CURRENCY.split("\\|");

    private final int[] starts = new int[AFTER + 1];

    private final int[] ends = new int[AFTER + 1];

    private String text;

    /** Whether the pattern matches at {@code index} of {@code text}; if so the groups are those of the match. */
    boolean lookingAt(String text, int index) {
        this.text = text;
        java.util.Arrays.fill(this.starts, -1);
        java.util.Arrays.fill(this.ends, -1);
        int length = text.length();
        char first = text.charAt(index);
        int p;
        if (isDigit(first)) {
            p = index + 1;
            while (p < length && isDigit(text.charAt(p))) {
                p++;
            }
            while (p + 3 < length && text.charAt(p) == ',' && isDigit(text.charAt(p + 1))
                    && isDigit(text.charAt(p + 2)) && isDigit(text.charAt(p + 3))) {
                p += 4;
            }
            if (p + 1 < length && text.charAt(p) == '.' && isDigit(text.charAt(p + 1))) {
                p += 2;
                while (p < length && isDigit(text.charAt(p))) {
                    p++;
                }
            }
            set(ARABIC, index, p);
        }
        else if (isNumeral(first)) {
            p = index + 1;
            while (p < length && isNumeral(text.charAt(p))) {
                p++;
            }
            set(CHINESE, index, p);
        }
        else if (first == '万' && index + 1 < length && text.charAt(index + 1) == '亿') {
            p = index + 1;
            set(CHINESE, index, p);
        }
        else {
            return false;
        }
        int q = skipSpaces(text, p);
        if (q < length && (text.charAt(q) == '多' || text.charAt(q) == '余')) {
            set(BETWEEN, q, q + 1);
            p = q + 1;
        }
        q = skipSpaces(text, p);
        int multiplierEnd = multiplierEnd(text, q);
        if (multiplierEnd > q) {
            set(MULTIPLIER, q, multiplierEnd);
            p = multiplierEnd;
        }
        q = skipSpaces(text, p);
        for (String word : CURRENCY_WORDS) {
            if (text.startsWith(word, q)) {
                set(CURRENCY, q, q + word.length());
                p = q + word.length();
                break;
            }
        }
        q = skipSpaces(text, p);
        if (text.startsWith("以上", q) || text.startsWith("左右", q)) {
            set(AFTER, q, q + 2);
            p = q + 2;
        }
        set(0, index, p);
        return true;
    }

    /**
     * The end of {@code [十百千]?万?亿|[十百千]?万|[十百千]} at {@code q}, alternatives in that order, or {@code q} when
     * none matches.
     */
    private static int multiplierEnd(String text, int q) {
        int length = text.length();
        if (q >= length) {
            return q;
        }
        int a = isSmallUnit(text.charAt(q)) ? q + 1 : q;
        if (a + 1 < length && text.charAt(a) == '万' && text.charAt(a + 1) == '亿') {
            return a + 2;
        }
        if (a < length && text.charAt(a) == '亿') {
            return a + 1;
        }
        if (a < length && text.charAt(a) == '万') {
            return a + 1;
        }
        return (a > q) ? a : q;
    }

    private void set(int group, int start, int end) {
        this.starts[group] = start;
        this.ends[group] = end;
    }

    int start() {
        return this.starts[0];
    }

    int end() {
        return this.ends[0];
    }

    /** Where a group starts, -1 when it did not take part. */
    int start(int group) {
        return this.starts[group];
    }

    int end(int group) {
        return this.ends[group];
    }

    /** A group's text, null when it did not take part. */
    String group(int group) {
        return (this.starts[group] < 0) ? null : this.text.substring(this.starts[group], this.ends[group]);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumeral(char c) {
        return ChineseNumeral.CHARACTERS.indexOf(c) >= 0;
    }

    private static boolean isSmallUnit(char c) {
        return c == '十' || c == '百' || c == '千';
    }

    /** Past what the pattern's {@code \s} matches: ASCII blanks only, as it is not compiled for Unicode classes. */
    private static int skipSpaces(String text, int index) {
        int i = index;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }
}
