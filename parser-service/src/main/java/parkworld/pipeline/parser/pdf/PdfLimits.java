package parkworld.pipeline.parser.pdf;

import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Upper bounds for an accepted PDF; anything bigger is rejected with {@link DeadLetterReason#TOO_LARGE}. Pages and
 * bytes are checked before any text is extracted; the content bounds while it is, because a few kilobytes of PDF
 * can describe unbounded work: forms that draw forms (time) or millions of glyphs on one page (memory: PDFBox keeps
 * every glyph of a page until the page ends).
 *
 * @param maxPages               largest accepted number of pages, counted by walking the page tree (its declared
 *                               {@code /Count} can lie)
 * @param maxBytes               largest accepted file size in bytes
 * @param maxFormDepth           deepest nesting of form XObjects (a form drawing a form ... drawing a form)
 * @param maxFormsPerPage        most form XObjects a page may draw, nested ones included
 * @param maxGlyphsPerPage       most glyphs (PDFBox text positions) a page may draw
 * @param maxGlyphsPerIssue      most glyphs all pages together may draw
 */
public record PdfLimits(int maxPages, long maxBytes, int maxFormDepth, int maxFormsPerPage, int maxGlyphsPerPage,
        long maxGlyphsPerIssue) {

    public static final int DEFAULT_MAX_PAGES = 300;

    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    /** Real layouts nest forms two or three deep; PDFBox itself gives up silently past 50. */
    public static final int DEFAULT_MAX_FORM_DEPTH = 12;

    /** The fixture draws none; a page of logos and boxes as forms draws a few dozen. */
    public static final int DEFAULT_MAX_FORMS_PER_PAGE = 5_000;

    /**
     * The densest page of the fixture draws about 600 glyphs, a page of small print a few thousand; PDFBox holds
     * a page's glyphs (a few hundred bytes each) until the page ends, so this is some 15 MB of heap.
     */
    public static final int DEFAULT_MAX_GLYPHS_PER_PAGE = 50_000;

    /** 300 pages of 5,000 glyphs each; the whole fixture draws 10,000. */
    public static final long DEFAULT_MAX_GLYPHS_PER_ISSUE = 1_500_000;

    /** The service's defaults. */
    public static final PdfLimits DEFAULTS = new PdfLimits(DEFAULT_MAX_PAGES, DEFAULT_MAX_BYTES);

    public PdfLimits {
        positive("maxPages", maxPages);
        positive("maxBytes", maxBytes);
        positive("maxFormDepth", maxFormDepth);
        positive("maxFormsPerPage", maxFormsPerPage);
        positive("maxGlyphsPerPage", maxGlyphsPerPage);
        positive("maxGlyphsPerIssue", maxGlyphsPerIssue);
    }

    /** Pages and bytes as given, the content bounds at their defaults. */
    public PdfLimits(int maxPages, long maxBytes) {
        this(maxPages, maxBytes, DEFAULT_MAX_FORM_DEPTH, DEFAULT_MAX_FORMS_PER_PAGE, DEFAULT_MAX_GLYPHS_PER_PAGE,
                DEFAULT_MAX_GLYPHS_PER_ISSUE);
    }

    /** These limits with another page limit (the {@code parse} command's {@code --max-pages}). */
    public PdfLimits withMaxPages(int pages) {
        return new PdfLimits(pages, this.maxBytes, this.maxFormDepth, this.maxFormsPerPage, this.maxGlyphsPerPage,
                this.maxGlyphsPerIssue);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
    }
}
