package parkworld.pipeline.parser.structure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.TextLine;

/**
 * The dominant body text geometry of the article pages: font size and the left and right
 * edges of full lines. Used to tell titles, indented paragraph starts and small print apart.
 *
 * @param fontSize font size of most of the text
 * @param left left edge of most body-size lines
 * @param right right edge of most body-size lines
 */
record BodyLayout(float fontSize, float left, float right) {

    static BodyLayout of(List<ContentPage> pages) {
        Map<Float, Integer> charsPerSize = new HashMap<>();
        for (ContentPage page : pages) {
            for (TextLine line : page.lines()) {
                charsPerSize.merge(line.fontSize(), line.text().length(), Integer::sum);
            }
        }
        float fontSize = mostCommon(charsPerSize, 0f);
        Map<Float, Integer> lefts = new HashMap<>();
        Map<Float, Integer> rights = new HashMap<>();
        for (ContentPage page : pages) {
            for (TextLine line : page.lines()) {
                if (Math.abs(line.fontSize() - fontSize) < 0.5f) {
                    lefts.merge((float) Math.round(line.x()), 1, Integer::sum);
                    rights.merge((float) Math.round(line.xEnd()), 1, Integer::sum);
                }
            }
        }
        return new BodyLayout(fontSize, outermostCommon(lefts, true), outermostCommon(rights, false));
    }

    /**
     * The leftmost (or rightmost) edge that is used by a fair share of the lines: paragraphs
     * whose first line is indented may outnumber the wrapped lines, and a few stray lines
     * further out must not count.
     */
    private static float outermostCommon(Map<Float, Integer> counts, boolean leftmost) {
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        float edge = leftmost ? Float.MAX_VALUE : 0f;
        for (Map.Entry<Float, Integer> entry : counts.entrySet()) {
            if (entry.getValue() * 4 >= most) {
                edge = leftmost ? Math.min(edge, entry.getKey()) : Math.max(edge, entry.getKey());
            }
        }
        return (most == 0) ? (leftmost ? 0f : Float.MAX_VALUE) : edge;
    }

    private static float mostCommon(Map<Float, Integer> counts, float fallback) {
        float best = fallback;
        int bestCount = 0;
        for (Map.Entry<Float, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount || (entry.getValue() == bestCount && entry.getKey() < best)) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    /** Whether the line starts further right than the body text, like a paragraph's first line. */
    boolean isIndented(TextLine line) {
        return line.x() > this.left + 0.8f * Math.max(line.fontSize(), 1f);
    }

    /** Whether the line runs up to the right edge of the body text. */
    boolean isFull(TextLine line) {
        return line.xEnd() >= this.right - 1.5f * Math.max(line.fontSize(), 1f);
    }

    /** Whether the line is set clearly smaller than the body text (notes, captions). */
    boolean isSmallPrint(TextLine line) {
        return line.fontSize() < this.fontSize - 1f;
    }

    /** Whether the line is set clearly larger than the body text (headings). */
    boolean isLargePrint(TextLine line) {
        return line.fontSize() >= this.fontSize + 1f;
    }

    boolean isBodySize(float size) {
        return Math.abs(size - this.fontSize) < 0.5f;
    }
}
