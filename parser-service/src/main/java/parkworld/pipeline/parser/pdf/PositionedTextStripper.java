package parkworld.pipeline.parser.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Collects the lines PDFBox's text stripper finds, with their position and font size, instead of
 * writing plain text. The lines, words and text are the ones {@link PDFTextStripper} finds, but two of its costs are
 * cut: glyphs drawn over themselves are found by {@link DuplicateGlyphs} (PDFBox's decisions, without its sorted maps
 * per glyph), and a page whose text PDFBox would not reorder or normalise ({@link UnchangedText}: no right-to-left
 * text, no presentation forms; one article, i.e. no thread beads) is split into lines and words here, straight into
 * runs, by PDFBox's rules, instead of through its line and paragraph objects and a bidi analysis per word. Other
 * pages go through PDFBox's own {@code writePage}. The extraction of a large issue thus costs about a fifth less
 * time and a third less allocation than {@link PDFTextStripper#getText}. A page that throws is recorded as a
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

    /** Reset values of PDFBox's line and word state in {@link #writeUnchangedPage}. */
    private static final float NO_LINE_Y = -Float.MAX_VALUE;

    private static final float NO_LINE_HEIGHT = -1;

    private static final float NO_TEXT_END = -1;

    private static final float NO_WORD_SPACING = -1;

    private static final float NO_AVERAGE_WIDTH = -1;

    private static final float NO_NEXT_WORD = -Float.MAX_VALUE;

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

    private final DuplicateGlyphs duplicates = new DuplicateGlyphs();

    /**
     * Whether each marked-content sequence begun and not yet ended carries an {@code /ActualText}, innermost last:
     * PDFBox's own record of them is private, and the duplicate search needs to know whether one applies.
     */
    private final ArrayDeque<Boolean> markedContents = new ArrayDeque<>();

    /** Whether glyphs now read as an {@code /ActualText} (as PDFBox decides it: the latest sequence begun has one). */
    private boolean inActualText;

    PositionedTextStripper(PdfLimits limits) {
        this.limits = limits;
        // Duplicates are found by DuplicateGlyphs, with PDFBox's decisions and far fewer allocations.
        setSuppressDuplicateOverlappingText(false);
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
        this.duplicates.startPage();
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
        TextPosition glyph;
        if (clean == unicode) {
            // clean() returns the very string when there is nothing to remove: nearly every glyph
            glyph = text;
        }
        else if (!clean.isEmpty()) {
            glyph = withUnicode(text, clean);
        }
        else {
            // A glyph that reads as nothing but control or format characters is not text. Cleaned here, before
            // PDFBox groups the glyphs into lines, because PDFBox acts on some of them: a bidi override would make it
            // reverse the rest of the line.
            return;
        }
        // PDFBox looks for duplicates only outside an /ActualText, and so does this; a glyph without text (never
        // made by PDFBox's glyph loop) goes to PDFBox's own search, which fails on it as it always did.
        if (glyph.getUnicode() == null) {
            setSuppressDuplicateOverlappingText(true);
            try {
                super.processTextPosition(glyph);
            }
            finally {
                setSuppressDuplicateOverlappingText(false);
            }
        }
        else if (this.inActualText || !this.duplicates.isDuplicate(glyph)) {
            super.processTextPosition(glyph);
        }
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        boolean actualText = properties != null && properties.getString(COSName.ACTUAL_TEXT) != null;
        this.markedContents.push(actualText);
        this.inActualText = actualText;
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        Boolean actualText = this.markedContents.poll();
        if (actualText != null && actualText) {
            this.inActualText = false;
        }
        super.endMarkedContentSequence();
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
    protected void writePage() throws IOException {
        List<List<TextPosition>> articles = getCharactersByArticle();
        if (articles.size() == 1 && !getSortByPosition() && !getIgnoreContentStreamSpaceGlyphs()
                && isUnchanged(articles.get(0))) {
            writeUnchangedPage(articles.get(0));
        }
        else {
            // thread beads (several articles per page), right-to-left text, presentation forms: PDFBox's own way
            super.writePage();
        }
    }

    private static boolean isUnchanged(List<TextPosition> glyphs) {
        for (int i = 0, n = glyphs.size(); i < n; i++) {
            String unicode = glyphs.get(i).getUnicode();
            if (unicode == null || !UnchangedText.isUnchanged(unicode)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines and words of a page whose glyphs PDFBox would write unchanged ({@link UnchangedText}), split where
     * {@link PDFTextStripper#writePage()} splits them, straight into runs: PDFBox's line separations, paragraph
     * guesses, word objects, bidi analysis per word and plain text output are work whose result is discarded here.
     * The decisions and their {@code float} arithmetic are PDFBox's (3.0), in its order: a glyph starts a new line
     * when its {@code y} and height do not overlap the line's highest baseline and tallest glyph so far; within a
     * line, a word starts where a glyph begins further right than the previous glyph's end by the smaller of half
     * the average of the last two space widths and 0.3 times the average glyph width (reset by a change of font or
     * size), unless the previous glyph ends with a space. When this was written, the positioned text and events of
     * the fixture, the layout fixtures, 24 corpus issues, a 497-page issue and 120 generated pages of random layouts
     * (fonts, sizes, rotated and scaled text, character and word spacing, glyphs drawn twice, dot leaders,
     * {@code /ActualText}) were byte for byte those of PDFBox's way.
     */
    private void writeUnchangedPage(List<TextPosition> glyphs) {
        float spacingTolerance = getSpacingTolerance();
        float averageCharTolerance = getAverageCharTolerance();
        String wordSeparator = getWordSeparator();
        float maxYForLine = NO_LINE_Y;
        float maxHeightForLine = NO_LINE_HEIGHT;
        float endOfLastTextX = NO_TEXT_END;
        float lastWordSpacing = NO_WORD_SPACING;
        float previousAverageCharWidth = NO_AVERAGE_WIDTH;
        TextPosition last = null;
        int wordStart = 0;
        int count = glyphs.size();
        for (int i = 0; i < count; i++) {
            TextPosition glyph = glyphs.get(i);
            if (last != null && fontOrSizeChanged(glyph, last)) {
                previousAverageCharWidth = NO_AVERAGE_WIDTH;
            }
            float x = glyph.getX();
            float y = glyph.getY();
            float width = glyph.getWidth();
            float height = glyph.getHeight();
            int characters = glyph.getIndividualWidths().length;
            float wordSpacing = glyph.getWidthOfSpace();
            float deltaSpace;
            if (Float.compare(wordSpacing, 0) == 0 || Float.isNaN(wordSpacing)) {
                deltaSpace = Float.MAX_VALUE;
            }
            else if (lastWordSpacing < 0) {
                deltaSpace = wordSpacing * spacingTolerance;
            }
            else {
                deltaSpace = (wordSpacing + lastWordSpacing) / 2f * spacingTolerance;
            }
            float averageCharWidth = (previousAverageCharWidth < 0) ? width / characters
                    : (previousAverageCharWidth + width / characters) / 2f;
            float deltaCharWidth = averageCharWidth * averageCharTolerance;
            float expectedStartOfNextWord = NO_NEXT_WORD;
            if (Float.compare(endOfLastTextX, NO_TEXT_END) != 0) {
                expectedStartOfNextWord = endOfLastTextX + Math.min(deltaSpace, deltaCharWidth);
            }
            if (last != null) {
                if (!overlap(y, height, maxYForLine, maxHeightForLine)) {
                    writeWord(glyphs, wordStart, i);
                    wordStart = i;
                    writeLineSeparator();
                    expectedStartOfNextWord = NO_NEXT_WORD;
                    maxYForLine = NO_LINE_Y;
                    maxHeightForLine = NO_LINE_HEIGHT;
                }
                if (Float.compare(expectedStartOfNextWord, NO_NEXT_WORD) != 0 && expectedStartOfNextWord < x
                        && (wordSeparator.isEmpty() || !last.getUnicode().endsWith(wordSeparator))) {
                    writeWord(glyphs, wordStart, i);
                    wordStart = i;
                }
                if (Math.abs(glyph.getX() - last.getX()) > (wordSpacing + deltaSpace)) {
                    // a gap of a space or more: the line's height starts again, the font may have changed
                    maxYForLine = NO_LINE_Y;
                    maxHeightForLine = NO_LINE_HEIGHT;
                }
            }
            if (y >= maxYForLine) {
                maxYForLine = y;
            }
            endOfLastTextX = x + width;
            maxHeightForLine = Math.max(maxHeightForLine, height);
            last = glyph;
            lastWordSpacing = wordSpacing;
            previousAverageCharWidth = averageCharWidth;
        }
        writeWord(glyphs, wordStart, count);
    }

    /** PDFBox's test whether a glyph is on the line: its baseline near or within the line's height, or the reverse. */
    private static boolean overlap(float y1, float height1, float y2, float height2) {
        return within(y1, y2, .1f) || y2 <= y1 && y2 >= y1 - height1 || y1 <= y2 && y1 >= y2 - height2;
    }

    private static boolean within(float first, float second, float variance) {
        return second < first + variance && second > first - variance;
    }

    /** PDFBox's test: the size, then the font object, its name, or its hash when neither has a name. */
    private static boolean fontOrSizeChanged(TextPosition current, TextPosition last) {
        if (Float.compare(current.getFontSize(), last.getFontSize()) != 0) {
            return true;
        }
        if (current.getFont() == last.getFont()) {
            return false;
        }
        String currentName = current.getFont().getName();
        String lastName = last.getFont().getName();
        if (currentName != null) {
            return !currentName.equals(lastName);
        }
        if (lastName != null) {
            return true;
        }
        return current.getFont().hashCode() != last.getFont().hashCode();
    }

    /** The glyphs {@code from} to {@code to} (exclusive) as one word, as PDFBox would hand it to writeString. */
    private void writeWord(List<TextPosition> glyphs, int from, int to) {
        if (from >= to) {
            return;
        }
        String text;
        if (to - from == 1) {
            text = glyphs.get(from).getUnicode();
        }
        else {
            StringBuilder word = new StringBuilder(to - from);
            for (int i = from; i < to; i++) {
                word.append(glyphs.get(i).getUnicode());
            }
            text = word.toString();
        }
        addRun(text, glyphs, from, to);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        addRun(text, positions, 0, positions.size());
    }

    /** A run of the current line: the text PDFBox made of the glyphs {@code from} to {@code to} (exclusive). */
    private void addRun(String text, List<TextPosition> positions, int from, int to) {
        if (this.pageLines == null || from >= to) {
            return;
        }
        String clean = ControlCharacterFilter.clean(text);
        if (clean.isEmpty()) {
            // nothing but control characters: no run, so no stray gap in the line
            return;
        }
        TextPosition first = positions.get(from);
        TextPosition last = positions.get(to - 1);
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
        for (int i = from; i < to; i++) {
            TextPosition position = positions.get(i);
            String unicode = position.getUnicode();
            if (unicode != null && !isBlank(unicode)) {
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

    /** {@link String#isBlank()}, answered without asking {@link Character} for CJK text (no blank in that range). */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c > ControlCharacterFilter.CJK_START && c < Character.MIN_SURROGATE) || !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
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
