package parkworld.pipeline.parser.pdf;

import java.util.BitSet;

import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The characters {@link PDFTextStripper} passes through unchanged when it makes words of glyphs: it reverses a glyph
 * or a word only where a right-to-left character (Hebrew, Arabic, ...) or a directional formatting character puts
 * it at another bidi level than the rest, and rewrites only Unicode presentation forms (U+FB00–U+FDFF,
 * U+FE70–U+FEFF: ligatures such as "ﬁ", Arabic and Hebrew letter forms) by NFKC. Every other character of the Basic
 * Multilingual Plane is at bidi level 0 in a left-to-right paragraph, whatever its neighbours: left-to-right
 * letters (Latin, CJK, ...), European digits and their separators, spaces and other neutrals, combining marks.
 * Surrogates are not counted in (supplementary characters include right-to-left scripts). Stateless.
 */
final class UnchangedText {

    private static final BitSet UNCHANGED = unchangedCharacters();

    private UnchangedText() {
    }

    /** Whether PDFBox's word building returns this glyph's text as it is, next to any other such text. */
    static boolean isUnchanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!UNCHANGED.get(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUnchanged(char c) {
        return UNCHANGED.get(c);
    }

    private static BitSet unchangedCharacters() {
        BitSet unchanged = new BitSet(Character.MAX_VALUE + 1);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c) && !isPresentationForm(c) && isLevelZero(Character.getDirectionality(c))) {
                unchanged.set(c);
            }
        }
        return unchanged;
    }

    private static boolean isPresentationForm(int c) {
        return (c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
    }

    /**
     * Bidi classes that stay at level 0 in a left-to-right paragraph holding no right-to-left character and no
     * embedding, override or isolate: strong left-to-right, weak European ones, neutrals and marks. Undefined code
     * points are left out (the bidi algorithm gives some of them a right-to-left default).
     */
    private static boolean isLevelZero(byte directionality) {
        return switch (directionality) {
            case Character.DIRECTIONALITY_LEFT_TO_RIGHT, Character.DIRECTIONALITY_EUROPEAN_NUMBER,
                    Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
                    Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
                    Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, Character.DIRECTIONALITY_NONSPACING_MARK,
                    Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR,
                    Character.DIRECTIONALITY_SEGMENT_SEPARATOR, Character.DIRECTIONALITY_WHITESPACE,
                    Character.DIRECTIONALITY_OTHER_NEUTRALS -> true;
            default -> false;
        };
    }
}
