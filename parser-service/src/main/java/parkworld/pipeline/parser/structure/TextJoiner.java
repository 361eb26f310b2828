package parkworld.pipeline.parser.structure;

import java.lang.Character.UnicodeBlock;
import java.lang.Character.UnicodeScript;

/**
 * Joins lines that the layout wrapped: Chinese text is joined without a space, Latin words keep
 * one space between them.
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
        if (length > 0 && needsSpace(text.codePointBefore(length), next.codePointAt(0))) {
            text.append(' ');
        }
        text.append(next);
    }

    static String joinWrapped(String first, String second) {
        StringBuilder text = new StringBuilder(first.strip());
        appendWrapped(text, second);
        return text.toString();
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
