package parkworld.pipeline.parser.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

class DuplicateGlyphsTests {

    private static final float PAGE_HEIGHT = 792;

    private final DuplicateGlyphs duplicates = new DuplicateGlyphs();

    @Test
    void sameTextDrawnAgainWithinAThirdOfItsWidthIsADuplicate() {
        this.duplicates.startPage();
        assertThat(this.duplicates.isDuplicate(glyph("W", 100, 100, 9))).as("first drawing").isFalse();
        assertThat(this.duplicates.isDuplicate(glyph("W", 100, 100, 9))).as("drawn again in place").isTrue();
        assertThat(this.duplicates.isDuplicate(glyph("W", 102.5f, 101, 9))).as("shifted by less than 3").isTrue();
        assertThat(this.duplicates.isDuplicate(glyph("W", 100, 104, 9))).as("4 lower: another line").isFalse();
    }

    @Test
    void searchesHalfOpenRangesAsPdfBoxDoes() {
        this.duplicates.startPage();
        this.duplicates.isDuplicate(glyph("W", 100, 100, 9));
        // a tolerance of 3: the range [x - 3, x + 3) holds 100 for x = 103 but not for x = 97
        assertThat(this.duplicates.isDuplicate(glyph("W", 103, 100, 9))).isTrue();
        assertThat(this.duplicates.isDuplicate(glyph("W", 97, 100, 9))).isFalse();
    }

    @Test
    void otherTextAtTheSamePlaceIsNoDuplicate() {
        this.duplicates.startPage();
        this.duplicates.isDuplicate(glyph("W", 100, 100, 9));
        assertThat(this.duplicates.isDuplicate(glyph("V", 100, 100, 9))).isFalse();
        assertThat(this.duplicates.isDuplicate(glyph("WV", 100, 100, 9))).isFalse();
    }

    @Test
    void looksForDuplicatesWithinOnePageOnly() {
        this.duplicates.startPage();
        this.duplicates.isDuplicate(glyph("W", 100, 100, 9));
        this.duplicates.startPage();
        assertThat(this.duplicates.isDuplicate(glyph("W", 100, 100, 9))).isFalse();
        assertThat(this.duplicates.isDuplicate(glyph("W", 100, 100, 9))).isTrue();
    }

    @Test
    void findsDuplicatesOfATextKeptMoreOftenThanTheSortedArraysHold() {
        this.duplicates.startPage();
        int dots = DuplicateGlyphs.SORTED_LIMIT * 3;
        for (int i = 0; i < dots; i++) {
            // right to left, so that the sorted maps see keys out of order
            assertThat(this.duplicates.isDuplicate(glyph(".", 500 - 4 * i, 100, 3))).isFalse();
        }
        for (int i = 0; i < dots; i++) {
            assertThat(this.duplicates.isDuplicate(glyph(".", 500 - 4 * i + 0.5f, 100, 3))).as("dot %d again", i)
                .isTrue();
            assertThat(this.duplicates.isDuplicate(glyph(".", 500 - 4 * i + 2, 50, 3))).as("a dot on another line")
                .isFalse();
        }
    }

    @Test
    void decidesAsASearchOfEveryKeptPositionDoes() {
        // glyphs in random order on a small area, so that many repeat each other, one text beyond the sorted arrays
        Random random = new Random(7);
        List<float[]> keptW = new ArrayList<>();
        List<float[]> keptDot = new ArrayList<>();
        this.duplicates.startPage();
        int found = 0;
        for (int i = 0; i < DuplicateGlyphs.SORTED_LIMIT * 8; i++) {
            boolean dot = random.nextInt(4) != 0;
            float x = random.nextInt(400) / 4f;
            float y = random.nextInt(40) / 2f;
            float width = dot ? 2 : random.nextInt(40) / 4f;
            List<float[]> kept = dot ? keptDot : keptW;
            float tolerance = width / 3f;
            boolean expected = kept.stream().anyMatch((p) -> Float.compare(p[0], x - tolerance) >= 0
                    && Float.compare(p[0], x + tolerance) < 0 && Float.compare(p[1], y - tolerance) >= 0
                    && Float.compare(p[1], y + tolerance) < 0);
            if (!expected) {
                kept.add(new float[] { x, y });
            }
            else {
                found++;
            }
            assertThat(this.duplicates.isDuplicate(glyph(dot ? "." : "W", x, y, width))).as("glyph %d", i)
                .isEqualTo(expected);
        }
        assertThat(found).as("duplicates among them").isGreaterThan(1000);
        assertThat(keptDot).hasSizeGreaterThan(DuplicateGlyphs.SORTED_LIMIT);
    }

    @Test
    void refusesASearchRangeEndingBeforeItStartsAsPdfBoxsMapsDo() {
        this.duplicates.startPage();
        // x infinite and width infinite: the range runs from NaN to infinity, which a TreeMap refuses
        TextPosition infinite = glyphEndingAt("W", Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 100);
        assertThat(infinite.getWidth()).isInfinite();
        float tolerance = infinite.getWidth() / 3f;
        assertThatThrownBy(() -> new TreeMap<Float, TreeSet<Float>>().subMap(infinite.getX() - tolerance,
                infinite.getX() + tolerance)).isInstanceOf(IllegalArgumentException.class).hasMessage("fromKey > toKey");
        assertThatThrownBy(() -> this.duplicates.isDuplicate(infinite)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("fromKey > toKey");
    }

    @Test
    void aGlyphWithoutWidthIsNeverADuplicate() {
        this.duplicates.startPage();
        this.duplicates.isDuplicate(glyph("W", 100, 100, 0));
        // a tolerance of 0: the range [x, x) is empty
        assertThat(this.duplicates.isDuplicate(glyph("W", 100, 100, 0))).isFalse();
    }

    /** A glyph at {@code x}, {@code y} from the top left, as PDFBox's glyph loop makes it on an upright page. */
    private static TextPosition glyph(String text, float x, float y, float width) {
        return glyphEndingAt(text, x, x + width, y);
    }

    private static TextPosition glyphEndingAt(String text, float x, float endX, float y) {
        Matrix matrix = Matrix.getTranslateInstance(x, PAGE_HEIGHT - y);
        return new TextPosition(0, 612, PAGE_HEIGHT, matrix, endX, PAGE_HEIGHT - y, 10, endX - x, 3, text,
                new int[] { 'W' }, null, 12, 12);
    }
}
