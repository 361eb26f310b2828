package parkworld.pipeline.parser.pdf;

/**
 * Removes characters from extracted text that are never content but can act on whoever displays it. A font's
 * ToUnicode map decides which characters a glyph "is", so a PDF can make its text contain anything: ANSI escape
 * sequences and line breaks that forge log lines when the service logs a title, bidi overrides that make a title
 * read differently from what it is, zero-width characters that make two equal titles differ (and their article ids
 * with them).
 *
 * <p>Removed: C0 and C1 control characters (ESC, BEL, DEL, ...; tab, line and paragraph separators become a space,
 * as they separate words), all format characters of Unicode category Cf (bidi embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, zero-width space, joiners and word joiner U+200B–U+200D and U+2060, the byte
 * order mark U+FEFF, soft hyphen, ...), unpaired surrogates (not text, and not encodable as UTF-8) and the
 * non-characters U+FFFE and U+FFFF. Text without any of them, nearly all text, is returned as is. Stateless.
 */
public final class ControlCharacterFilter {

    /** From the ideographic space up to the surrogates, every character is kept. */
    static final char CJK_START = '\u3000';

    private ControlCharacterFilter() {
    }

    /** The text without control and format characters. */
    public static String clean(String text) {
        int length = text.length();
        int first = 0;
        while (first < length && keep(text, first)) {
            first += Character.isHighSurrogate(text.charAt(first)) ? 2 : 1;
        }
        if (first >= length) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(length).append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (keep(text, i)) {
                cleaned.append(c);
                if (Character.isHighSurrogate(c)) {
                    // keep() accepted the pair: take its low half too
                    cleaned.append(text.charAt(++i));
                }
            }
            else if (separatesWords(c)) {
                cleaned.append(' ');
            }
        }
        return cleaned.toString();
    }

    /** Whether the character at {@code index} is kept; for a surrogate pair, whether the pair is. */
    private static boolean keep(String text, int index) {
        char c = text.charAt(index);
        if (c >= ' ' && c < 0x7f) {
            // printable ASCII: the fast path for Latin text and digits
            return true;
        }
        if (c >= CJK_START && c < Character.MIN_SURROGATE) {
            // CJK punctuation, kana, ideographs, Hangul: the fast path for Chinese text (every glyph of an issue
            // passes here); no control, format or separator character is in this range
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            if (index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1))) {
                return false;
            }
            int codePoint = Character.toCodePoint(c, text.charAt(index + 1));
            // tag characters and other supplementary format characters are invisible too
            return Character.getType(codePoint) != Character.FORMAT;
        }
        if (Character.isLowSurrogate(c)) {
            // a low surrogate reached here has no high half before it
            return false;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && c != 0xfffe && c != 0xffff;
    }

    private static boolean separatesWords(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x85 || c == 0x2028
                || c == 0x2029;
    }
}
