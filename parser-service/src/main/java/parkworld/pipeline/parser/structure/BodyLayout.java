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
 * <p>A body set in two columns (as magazine layouts are) has two sets of edges: a common left edge further right
 * than a common right edge starts a second column. Indents and full lines are then measured against the edges of
 * the line's own column.
 *
 * @param fontSize font size of most of the text
 * @param left left edge of most body-size lines (of the first column)
 * @param right right edge of most body-size lines (of the first column)
 * @param secondLeft left edge of the second column, or {@link Float#MAX_VALUE} for a single column
 * @param secondRight right edge of the second column (equals {@code right} for a single column)
 */
record BodyLayout(float fontSize, float left, float right, float secondLeft, float secondRight) {

    /** A frequent edge is used by at least a quarter as many lines as the most frequent one. */
    private static final int FREQUENT_SHARE = 4;

    BodyLayout(float fontSize, float left, float right) {
        this(fontSize, left, right, Float.MAX_VALUE, right);
    }

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
        float left = outermostCommon(lefts, true);
        float right = outermostCommon(rights, false);
        // a second column: a frequent left edge beyond a frequent right edge
        float firstRight = Float.MIN_VALUE;
        for (float r : frequent(rights)) {
            for (float l : frequent(lefts)) {
                if (l > r + fontSize && r > left) {
                    firstRight = Math.max(firstRight, r);
                }
            }
        }
        if (firstRight == Float.MIN_VALUE) {
            return new BodyLayout(fontSize, left, right);
        }
        float secondLeft = Float.MAX_VALUE;
        for (float l : frequent(lefts)) {
            if (l > firstRight) {
                secondLeft = Math.min(secondLeft, l);
            }
        }
        return new BodyLayout(fontSize, left, firstRight, secondLeft, right);
    }

    private static List<Float> frequent(Map<Float, Integer> counts) {
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return counts.entrySet().stream().filter((entry) -> entry.getValue() * FREQUENT_SHARE >= most)
                .map(Map.Entry::getKey).toList();
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
            if (entry.getValue() * FREQUENT_SHARE >= most) {
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

    /** Whether the line starts further right than the body text of its column, like a paragraph's first line. */
    boolean isIndented(TextLine line) {
        float columnLeft = inSecondColumn(line) ? this.secondLeft : this.left;
        return line.x() > columnLeft + 0.8f * Math.max(line.fontSize(), 1f);
    }

    /** Whether the line runs up to the right edge of the body text of its column. */
    boolean isFull(TextLine line) {
        float columnRight = inSecondColumn(line) ? this.secondRight : this.right;
        return line.xEnd() >= columnRight - 1.5f * Math.max(line.fontSize(), 1f);
    }

    private boolean inSecondColumn(TextLine line) {
        return line.x() >= this.secondLeft - Math.max(line.fontSize(), 1f);
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
