package parkworld.pipeline.benchmarks.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Breaks text into lines of a column the way a word processor sets Chinese: between any two Chinese characters,
 * Latin words and numbers ({@code 1080.98}, {@code 12GWh}) kept whole, closing punctuation never at the start of a
 * line (it hangs past the margin instead). Widths come from the font's own metrics. Not thread-safe (width cache).
 */
final class Typesetter {

    /** One set line and its natural width in points. */
    record SetLine(String text, float width, boolean last) {
    }

    private static final String CLOSING_PUNCTUATION = "，。、；：！？）》”’%";

    private final PDFont font;

    /** Advance widths in thousandths of an em, by character. */
    private final Map<Character, Float> advances = new HashMap<>();

    Typesetter(PDFont font) {
        this.font = font;
    }

    float width(String text, float fontSize) {
        float thousandths = 0;
        for (int i = 0; i < text.length(); i++) {
            thousandths += advance(text.charAt(i));
        }
        return thousandths * fontSize / 1000f;
    }

    /**
     * @param indent how far the first line starts right of the column's left edge
     * @param width  the column width
     */
    List<SetLine> lines(String text, float fontSize, float indent, float width) {
        List<SetLine> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float available = width - indent;
        int i = 0;
        while (i < text.length()) {
            int end = wordEnd(text, i);
            String word = text.substring(i, end);
            float wordWidth = width(word, fontSize);
            boolean hangs = word.length() == 1 && CLOSING_PUNCTUATION.indexOf(word.charAt(0)) >= 0;
            if (line.length() > 0 && used + wordWidth > available + 0.01f && !hangs) {
                lines.add(new SetLine(line.toString(), used, false));
                line.setLength(0);
                used = 0;
                available = width;
            }
            line.append(word);
            used += wordWidth;
            i = end;
        }
        if (line.length() > 0) {
            lines.add(new SetLine(line.toString(), used, true));
        }
        return lines;
    }

    /** The end of the unbreakable piece starting at {@code start}: one Chinese character or a Latin word. */
    private static int wordEnd(String text, int start) {
        if (!isLatin(text.charAt(start))) {
            return start + 1;
        }
        int end = start + 1;
        while (end < text.length() && isLatin(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isLatin(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-'
                || c == '+';
    }

    private float advance(char c) {
        Float cached = this.advances.get(c);
        if (cached == null) {
            try {
                cached = this.font.getStringWidth(String.valueOf(c));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(String.format("'%c' (U+%04X) is not in the corpus font %s", c,
                        (int) c, CorpusFont.RESOURCE), ex);
            }
            this.advances.put(c, cached);
        }
        return cached;
    }
}
