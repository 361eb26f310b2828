package parkworld.pipeline.parser.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Collects the lines PDFBox's text stripper finds, with their position and font size, instead of
 * writing plain text. PDFBox's own line and word grouping is kept, so the extraction costs about
 * as much as {@link PDFTextStripper#getText}. A page that throws is recorded as a
 * {@link PageFailure} and skipped; the following pages are still read. Text is cleaned of control
 * and format characters ({@link ControlCharacterFilter}).
 *
 * <p>Hostile content is stopped where the work happens, inside the page: an interrupted thread stops
 * at the next content-stream operator with a {@link CancellationException} (a page of forms drawing
 * forms never ends otherwise), and a page over the {@link PdfLimits content limits} (form nesting,
 * forms drawn, glyphs) rejects the issue as {@code TOO_LARGE} at once, before PDFBox has spent the
 * time or the heap. Neither is recorded as a page failure.
 *
 * <p>Not thread-safe; use one instance per document.
 */
final class PositionedTextStripper extends PDFTextStripper {

    private final PdfLimits limits;

    /** Form XObjects being drawn, one inside the other. */
    private int formDepth;

    /** Form XObjects the current page has drawn so far. */
    private int formsOnPage;

    private int glyphsOnPage;

    private long glyphsInIssue;

    private final List<PageText> pages = new ArrayList<>();

    private final List<PageFailure> failures = new ArrayList<>();

    /** Lines of the page being processed, {@code null} outside a page. */
    private List<TextLine> pageLines;

    private final List<TextRun> runs = new ArrayList<>();

    private float lineY;

    private final FontSizeTally fontSizes = new FontSizeTally();

    PositionedTextStripper(PdfLimits limits) {
        this.limits = limits;
    }

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
        if (number > this.limits.maxPages()) {
            // PdfTextReader walked the tree before; this holds should the tree change under iteration
            throw new IssueRejectedException(DeadLetterReason.TOO_LARGE,
                    "PDF has more than " + this.limits.maxPages() + " pages, limit is " + this.limits.maxPages());
        }
        this.pageLines = new ArrayList<>();
        this.formDepth = 0;
        this.formsOnPage = 0;
        this.glyphsOnPage = 0;
        clearLine();
        try {
            super.processPage(page);
            flushLine();
            this.pages.add(pageText(number, page, this.pageLines));
        }
        catch (IssueRejectedException | CancellationException ex) {
            throw ex;
        }
        catch (IOException | RuntimeException ex) {
            this.failures.add(new PageFailure(number, Messages.describe(ex)));
        }
        finally {
            this.pageLines = null;
            clearLine();
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        // Checked at every operator: a thread read is negligible next to what PDFBox does per operator, and
        // only this loop runs for as long as a hostile page makes it.
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("text extraction interrupted on page " + getCurrentPageNo());
        }
        super.processOperator(operator, operands);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        enterForm();
        try {
            super.showForm(form);
        }
        finally {
            this.formDepth--;
        }
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup form) throws IOException {
        enterForm();
        try {
            super.showTransparencyGroup(form);
        }
        finally {
            this.formDepth--;
        }
    }

    /** Forms drawing forms multiply: eight levels drawing the next ten times each are 10^8 forms from 2.6 KB. */
    private void enterForm() {
        this.formDepth++;
        this.formsOnPage++;
        if (this.formDepth > this.limits.maxFormDepth()) {
            throw new IssueRejectedException(DeadLetterReason.TOO_LARGE, "page " + getCurrentPageNo()
                    + " nests form XObjects deeper than the limit of "
                    + this.limits.maxFormDepth());
        }
        if (this.formsOnPage > this.limits.maxFormsPerPage()) {
            throw new IssueRejectedException(DeadLetterReason.TOO_LARGE, "page " + getCurrentPageNo()
                    + " draws more form XObjects than the limit of "
                    + this.limits.maxFormsPerPage() + " per page");
        }
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        // PDFBox keeps every glyph of a page until the page ends: counted before it is kept
        if (++this.glyphsOnPage > this.limits.maxGlyphsPerPage()) {
            throw new IssueRejectedException(DeadLetterReason.TOO_LARGE, "page " + getCurrentPageNo()
                    + " draws more glyphs than the limit of "
                    + this.limits.maxGlyphsPerPage() + " per page");
        }
        if (++this.glyphsInIssue > this.limits.maxGlyphsPerIssue()) {
            throw new IssueRejectedException(DeadLetterReason.TOO_LARGE, "pages 1 to " + getCurrentPageNo()
                    + " draw more glyphs than the limit of " + this.limits.maxGlyphsPerIssue() + " per issue");
        }
        String unicode = text.getUnicode();
        String clean = unicode == null ? null : ControlCharacterFilter.clean(unicode);
        if (clean == unicode) {
            // clean() returns the very string when there is nothing to remove: nearly every glyph
            super.processTextPosition(text);
        }
        else if (!clean.isEmpty()) {
            super.processTextPosition(withUnicode(text, clean));
        }
        // else: a glyph that reads as nothing but control or format characters is not text. Cleaned here, before
        // PDFBox groups the glyphs into lines, because PDFBox acts on some of them: a bidi override would make it
        // reverse the rest of the line.
    }

    /** The glyph, reading as other text; what PDFBox computes from its position is the same. */
    private static TextPosition withUnicode(TextPosition glyph, String unicode) {
        return new TextPosition(glyph.getRotation(), glyph.getPageWidth(), glyph.getPageHeight(),
                glyph.getTextMatrix(), glyph.getEndX(), glyph.getEndY(), glyph.getHeight(),
                glyph.getIndividualWidths()[0], glyph.getWidthOfSpace(), unicode, glyph.getCharacterCodes(),
                glyph.getFont(), glyph.getFontSize(), (int) glyph.getFontSizeInPt());
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
        String clean = ControlCharacterFilter.clean(text);
        if (clean.isEmpty()) {
            // nothing but control characters: no run, so no stray gap in the line
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
        this.runs.add(new TextRun(clean, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()));
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
