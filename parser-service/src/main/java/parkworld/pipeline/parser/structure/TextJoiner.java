package parkworld.pipeline.parser.structure;

import java.lang.Character.UnicodeBlock;
import java.lang.Character.UnicodeScript;

/**
 * Joins lines that the layout wrapped: Chinese text is joined without a space (a number split by the wrap
 * included), Latin words keep one space between them.
 */
final class TextJoiner {

    private TextJoiner() {
    }

    /** Appends {@code line} to {@code text} as the continuation of a wrapped line. */
    static void appendWrapped(StringBuilder text, String line) {
        String next = line.strip();
        if (next.isEmpty()) {
            return;
        }
        int length = text.length();
        while (length > 0 && Character.isWhitespace(text.charAt(length - 1))) {
            length--;
        }
        text.setLength(length);
        if (length > 0 && needsSpace(text.codePointBefore(length), next.codePointAt(0))
                && !splitsNumberOfChineseText(text, next, 0)) {
            text.append(' ');
        }
        text.append(next);
    }

    static String joinWrapped(String first, String second) {
        StringBuilder text = new StringBuilder(first.strip());
        appendWrapped(text, second);
        return text.toString();
    }

    /**
     * Whether a break between {@code before} and {@code after[from..]} (a line wrap, or a blank a producer drew)
     * splits a number of Chinese text ({@code 达到20} + {@code 00列}, {@code 投资2 0亿元}): Chinese typesetting
     * breaks a line anywhere, digits included, and justified CJK text spreads digits apart. Between Latin words
     * ({@code in 2020} + {@code 100 firms}) it stays a space: only a number with a wide character next to it on
     * either side is joined.
     */
    static boolean splitsNumberOfChineseText(CharSequence before, CharSequence after, int from) {
        int end = before.length();
        if (end == 0 || from >= after.length() || !isAsciiDigit(after.charAt(from))) {
            return false;
        }
        char last = before.charAt(end - 1);
        boolean endsInNumber = isAsciiDigit(last)
                || ((last == ',' || last == '.') && end > 1 && isAsciiDigit(before.charAt(end - 2)));
        if (!endsInNumber) {
            return false;
        }
        int start = end;
        while (start > 0 && isNumberPart(before.charAt(start - 1))) {
            start--;
        }
        int next = from;
        while (next < after.length() && isNumberPart(after.charAt(next))) {
            next++;
        }
        return (start > 0 && isWide(Character.codePointBefore(before, start)))
                || (next < after.length() && isWide(Character.codePointAt(after, next)));
    }

    private static boolean isNumberPart(char c) {
        return isAsciiDigit(c) || c == ',' || c == '.';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean needsSpace(int before, int after) {
        return !isWide(before) && !isWide(after) && before != '-' && before != '/';
    }

    /** Whether the character belongs to CJK text, where a line wrap is not a word boundary. */
    static boolean isWide(int codePoint) {
        if (codePoint < 0x80) {
            return false;
        }
        if (codePoint == 0xB7) {
            // middle dot, used between Chinese names
            return true;
        }
        UnicodeScript script = UnicodeScript.of(codePoint);
        if (script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.HANGUL || script == UnicodeScript.BOPOMOFO) {
            return true;
        }
        UnicodeBlock block = UnicodeBlock.of(codePoint);
        return block == UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || block == UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == UnicodeBlock.GENERAL_PUNCTUATION || block == UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == UnicodeBlock.VERTICAL_FORMS || block == UnicodeBlock.GEOMETRIC_SHAPES
                || block == UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS;
    }
}
