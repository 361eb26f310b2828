package parkworld.pipeline.parser.structure;

/**
 * Cleans extracted text so that it reads the same whatever program made the PDF. Producers and
 * text extraction put blanks next to Chinese text, most often between Chinese and digits or
 * Latin ({@code 5 月 24 日}, {@code 总投资 130 亿元}, {@code N 型}), where Chinese typography
 * has none; they are removed. Blanks between two Latin words or numbers are kept as one space
 * ({@code Qualcomm China}), except before the separator of a number ({@code 3 ,000}) and inside a number next
 * to Chinese text ({@code 投资2 0亿元}, {@code 91. 8亿元}). Zero-width characters go, line breaks (paragraph separators) stay
 * without blanks around them, and all other characters, full-width punctuation included, are
 * kept as printed. One pass over the text, no regular expressions.
 */
final class TextNormalizer {

    private enum Gap {
        NONE, BLANK, LINE_BREAK
    }

    private static final int IDEOGRAPHIC_SPACE = 0x3000;

    private TextNormalizer() {
    }

    static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        Gap gap = Gap.NONE;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isInvisible(codePoint)) {
                continue;
            }
            if (codePoint == '\n' || codePoint == '\r') {
                gap = Gap.LINE_BREAK;
                continue;
            }
            if (isBlank(codePoint)) {
                if (gap == Gap.NONE) {
                    gap = Gap.BLANK;
                }
                continue;
            }
            if (!clean.isEmpty()) {
                if (gap == Gap.LINE_BREAK) {
                    clean.append('\n');
                }
                else if (gap == Gap.BLANK && !TextJoiner.isWide(clean.codePointBefore(clean.length()))
                        && !TextJoiner.isWide(codePoint) && !separatesDigits(clean, codePoint, text, i)
                        && !TextJoiner.splitsNumberOfChineseText(clean, text, i - Character.charCount(codePoint))) {
                    clean.append(' ');
                }
            }
            clean.appendCodePoint(codePoint);
            gap = Gap.NONE;
        }
        return clean.toString();
    }

    /**
     * Whether a blank stands before the thousands or decimal separator of a number ({@code 3 ,000}, {@code 1 .5}):
     * a producer's gap before a narrow glyph, never a word boundary in any language.
     *
     * @param next the position after {@code separator} in {@code text}
     */
    private static boolean separatesDigits(StringBuilder clean, int separator, String text, int next) {
        return (separator == ',' || separator == '.') && TextJoiner.isAsciiDigit(clean.charAt(clean.length() - 1))
                && next < text.length() && TextJoiner.isAsciiDigit(text.charAt(next));
    }

    /** Any kind of space, including no-break and ideographic spaces and tabs. */
    private static boolean isBlank(int codePoint) {
        if (codePoint > IDEOGRAPHIC_SPACE && codePoint < Character.MIN_SURROGATE) {
            // CJK punctuation, kana, ideographs, Hangul: most of the text, and none of it blank
            return false;
        }
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Zero-width space, word joiner and byte order mark: invisible, and not a word boundary. */
    private static boolean isInvisible(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF;
    }
}
