package parkworld.pipeline.parser.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the lines PDFBox's text stripper finds, with their position and font size, instead of
 * writing plain text. PDFBox's own line and word grouping is kept, so the extraction costs about
 * as much as {@link PDFTextStripper#getText}. A page that throws is recorded as a
 * {@link PageFailure} and skipped; the following pages are still read. An interrupted thread
 * stops before the next page with a {@link CancellationException}.
 *
 * <p>Not thread-safe; use one instance per document.
 */
final class PositionedTextStripper extends PDFTextStripper {

    private final List<PageText> pages = new ArrayList<>();

    private final List<PageFailure> failures = new ArrayList<>();

    /** Lines of the page being processed, {@code null} outside a page. */
    private List<TextLine> pageLines;

    private final List<TextRun> runs = new ArrayList<>();

    private float lineY;

    private final FontSizeTally fontSizes = new FontSizeTally();

    List<PageText> pages() {
        return this.pages;
    }

    List<PageFailure> failures() {
        return this.failures;
    }

    /** Records a failure that stopped the page loop itself (for example a broken page tree). */
    void recordDocumentFailure(Exception failure) {
        int page = getCurrentPageNo();
        this.failures.add(new PageFailure(page, "reading stopped here, remaining pages skipped: "
                + Messages.describe(failure)));
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        int number = getCurrentPageNo();
        if (number < getStartPage() || number > getEndPage()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("text extraction interrupted before page " + number);
        }
        this.pageLines = new ArrayList<>();
        clearLine();
        try {
            super.processPage(page);
            flushLine();
            this.pages.add(pageText(number, page, this.pageLines));
        }
        catch (IOException | RuntimeException ex) {
            this.failures.add(new PageFailure(number, Messages.describe(ex)));
        }
        finally {
            this.pageLines = null;
            clearLine();
        }
    }

    private static PageText pageText(int number, PDPage page, List<TextLine> lines) {
        PDRectangle box = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        float width = sideways ? box.getHeight() : box.getWidth();
        float height = sideways ? box.getWidth() : box.getHeight();
        return new PageText(number, width, height, lines);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (this.pageLines == null || positions.isEmpty()) {
            return;
        }
        TextPosition first = positions.get(0);
        TextPosition last = positions.get(positions.size() - 1);
        float y = first.getYDirAdj();
        if (!this.runs.isEmpty()
                && Math.abs(y - this.lineY) > Math.max(2f, first.getFontSizeInPt() * 0.6f)) {
            // PDFBox normally calls writeLineSeparator between lines; this is a safety net.
            flushLine();
        }
        if (this.runs.isEmpty()) {
            this.lineY = y;
        }
        this.runs.add(new TextRun(text, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()));
        for (TextPosition position : positions) {
            String unicode = position.getUnicode();
            if (unicode != null && !unicode.isBlank()) {
                this.fontSizes.add(position.getFontSizeInPt(), unicode.length());
            }
        }
    }

    @Override
    protected void writeString(String text) {
        // plain text output is not used
    }

    @Override
    protected void writeWordSeparator() {
        // runs are kept apart and joined by TextLine
    }

    @Override
    protected void writeLineSeparator() {
        flushLine();
    }

    private void flushLine() {
        if (this.runs.isEmpty()) {
            return;
        }
        TextLine line = TextLine.of(this.runs, this.lineY, this.fontSizes.mostCommon());
        if (!line.text().isEmpty() && this.pageLines != null) {
            this.pageLines.add(line);
        }
        clearLine();
    }

    private void clearLine() {
        this.runs.clear();
        this.fontSizes.clear();
    }

    /** Counts characters per font size (rounded to half a point) to find a line's main size. */
    private static final class FontSizeTally {

        private float[] sizes = new float[8];

        private int[] counts = new int[8];

        private int size;

        void add(float fontSize, int characters) {
            float rounded = Math.round(fontSize * 2f) / 2f;
            for (int i = 0; i < this.size; i++) {
                if (this.sizes[i] == rounded) {
                    this.counts[i] += characters;
                    return;
                }
            }
            if (this.size == this.sizes.length) {
                this.sizes = java.util.Arrays.copyOf(this.sizes, this.size * 2);
                this.counts = java.util.Arrays.copyOf(this.counts, this.size * 2);
            }
            this.sizes[this.size] = rounded;
            this.counts[this.size] = characters;
            this.size++;
        }

        float mostCommon() {
            float best = 0f;
            int bestCount = -1;
            for (int i = 0; i < this.size; i++) {
                if (this.counts[i] > bestCount) {
                    best = this.sizes[i];
                    bestCount = this.counts[i];
                }
            }
            return best;
        }

        void clear() {
            this.size = 0;
        }
    }
}
