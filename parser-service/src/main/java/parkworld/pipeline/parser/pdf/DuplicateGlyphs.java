package parkworld.pipeline.parser.pdf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds the glyphs a page draws again over themselves (producers fake bold that way, or draw a shadow), with the
 * decisions of {@link PDFTextStripper}'s duplicate-overlapping-text suppression, so that what is extracted stays
 * the same: a glyph is a duplicate when a glyph of the same text was already kept on the page with its
 * {@code x} in {@code [x - t, x + t)} and its {@code y} in {@code [y - t, y + t)}, where {@code t} is a third of the
 * glyph's width per character, all in {@code float} and ordered as {@link Float#compare} orders them.
 *
 * <p>PDFBox keeps a {@code TreeMap} of {@code TreeSet}s per text and allocates some ten objects per glyph for it (a
 * third of what its extraction of a large issue allocates). Here the kept positions of each text are two arrays of
 * {@code float}s sorted by {@code x}, searched by bisection, without allocating; only a text kept more often than
 * {@value #SORTED_LIMIT} times on a page (long dot leaders, a hostile page of one repeated glyph) moves to the sorted
 * maps PDFBox uses, so no page costs more than it does in PDFBox. Odd coordinates (infinite, NaN) give the same answer or
 * the same {@link IllegalArgumentException} as PDFBox's maps, which the page loop records as a page failure.
 *
 * <p>Not thread-safe; one instance per text stripper.
 */
final class DuplicateGlyphs {

    /**
     * Positions of one text kept in sorted arrays, up to this many per page: inserting out of order moves up to this
     * many, and a hostile page of one glyph repeated ten thousand times must not cost quadratic time.
     */
    static final int SORTED_LIMIT = 512;

    /** Above this many distinct texts the map is dropped between pages instead of reused. */
    private static final int MAX_REUSED_TEXTS = 4096;

    private final Map<String, Kept> keptByText = new HashMap<>();

    /** Counts pages, so that positions kept on an earlier page are recognised as stale without clearing them. */
    private int page;

    /** Forgets the glyphs kept so far: duplicates are only looked for within a page. */
    void startPage() {
        this.page++;
        if (this.keptByText.size() > MAX_REUSED_TEXTS) {
            this.keptByText.clear();
        }
    }

    /**
     * Whether the glyph repeats one kept before on this page; if it does not, it is kept.
     *
     * @throws IllegalArgumentException where PDFBox's maps throw it (a search range whose start lies above its end)
     */
    boolean isDuplicate(TextPosition glyph) {
        String text = glyph.getUnicode();
        float x = glyph.getX();
        float y = glyph.getY();
        float tolerance = glyph.getWidth() / text.length() / 3.0f;
        float fromX = x - tolerance;
        float toX = x + tolerance;
        if (Float.compare(fromX, toX) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        Kept kept = this.keptByText.get(text);
        if (kept == null) {
            kept = new Kept();
            this.keptByText.put(text, kept);
        }
        if (kept.page != this.page) {
            kept.reset(this.page);
        }
        if (kept.contains(fromX, toX, y - tolerance, y + tolerance)) {
            return true;
        }
        kept.add(x, y);
        return false;
    }

    /** The positions a page kept for one text: in arrays sorted by {@code x} while not too many, then in PDFBox's maps. */
    private static final class Kept {

        private int page;

        /** The kept {@code x}s in {@link Float#compare} order, and the {@code y} kept with each. */
        private float[] xs = new float[8];

        private float[] ys = new float[8];

        private int size;

        /** {@code x} to the {@code y}s kept there, as PDFBox keeps them; {@code null} while the arrays serve. */
        private TreeMap<Float, TreeSet<Float>> byX;

        void reset(int page) {
            this.page = page;
            this.size = 0;
            this.byX = null;
        }

        boolean contains(float fromX, float toX, float fromY, float toY) {
            if (this.byX != null) {
                SortedMap<Float, TreeSet<Float>> inRange = this.byX.subMap(fromX, toX);
                for (TreeSet<Float> yAtX : inRange.values()) {
                    if (!yAtX.subSet(fromY, toY).isEmpty()) {
                        return true;
                    }
                }
                return false;
            }
            for (int i = firstAbove(fromX, true); i < this.size && Float.compare(this.xs[i], toX) < 0; i++) {
                // PDFBox's TreeSet.subSet throws here, at the first x in range, on a y range that ends before it starts
                if (Float.compare(fromY, toY) > 0) {
                    throw new IllegalArgumentException("fromKey > toKey");
                }
                float keptY = this.ys[i];
                if (Float.compare(keptY, fromY) >= 0 && Float.compare(keptY, toY) < 0) {
                    return true;
                }
            }
            return false;
        }

        void add(float x, float y) {
            if (this.byX != null) {
                this.byX.computeIfAbsent(x, (key) -> new TreeSet<>()).add(y);
                return;
            }
            if (this.size == SORTED_LIMIT) {
                this.byX = new TreeMap<>();
                for (int i = 0; i < this.size; i++) {
                    this.byX.computeIfAbsent(this.xs[i], (key) -> new TreeSet<>()).add(this.ys[i]);
                }
                this.byX.computeIfAbsent(x, (key) -> new TreeSet<>()).add(y);
                return;
            }
            if (this.size == this.xs.length) {
                this.xs = Arrays.copyOf(this.xs, this.size * 2);
                this.ys = Arrays.copyOf(this.ys, this.size * 2);
            }
            // glyphs mostly come left to right: usually appended
            int at = (this.size == 0 || Float.compare(this.xs[this.size - 1], x) <= 0) ? this.size : firstAbove(x, false);
            System.arraycopy(this.xs, at, this.xs, at + 1, this.size - at);
            System.arraycopy(this.ys, at, this.ys, at + 1, this.size - at);
            this.xs[at] = x;
            this.ys[at] = y;
            this.size++;
        }

        /** The index of the first kept {@code x} at or above ({@code inclusive}) or above {@code x}, by binary search. */
        private int firstAbove(float x, boolean inclusive) {
            int low = 0;
            int high = this.size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                int order = Float.compare(this.xs[middle], x);
                if (order < 0 || (order == 0 && !inclusive)) {
                    low = middle + 1;
                }
                else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
