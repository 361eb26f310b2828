package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.List;

import parkworld.pipeline.parser.pdf.PageFailure;
import parkworld.pipeline.parser.pdf.PageText;
import parkworld.pipeline.parser.pdf.PdfText;
import parkworld.pipeline.parser.pdf.TextLine;
import parkworld.pipeline.parser.pdf.TextRun;

/**
 * Builds the positioned text of an A4 issue laid out like 园区周报 without a PDF: 14 pt body
 * text from x=63 to x=533 with paragraphs indented to x=84, 15 pt {@code ●} titles, 20 pt
 * section headings, a 10 pt running header and a 12 pt page number. Lets tests cover Chinese
 * layouts although no CJK font is available to generate PDFs.
 */
final class LayoutBuilder {

    static final float LEFT = 63f;

    static final float INDENT = 84f;

    static final float RIGHT = 533.2f;

    private static final float WIDTH = 595.3f;

    private static final float HEIGHT = 841.9f;

    private final List<PageText> pages = new ArrayList<>();

    private final List<PageFailure> failures = new ArrayList<>();

    private List<TextLine> lines;

    private float y;

    private int pageCount;

    /** Starts a new page; the first line goes to y=84. */
    LayoutBuilder page() {
        finishPage();
        this.lines = new ArrayList<>();
        this.y = 64f;
        return this;
    }

    /** A page PDFBox could not read. */
    LayoutBuilder unreadablePage(String problem) {
        finishPage();
        this.pageCount++;
        this.failures.add(new PageFailure(this.pageCount, problem));
        return this;
    }

    /** A body page with running header and printed page number. */
    LayoutBuilder bodyPage(int printedNumber) {
        page();
        this.lines.add(TextLine.of("园区周报 2023年6月1期", 454.9f, 539.3f, 34.5f, 10f));
        this.lines.add(TextLine.of(Integer.toString(printedNumber), 295.5f, 300.5f, 817.5f, 12f));
        return this;
    }

    LayoutBuilder line(String text, float x, float fontSize) {
        this.y += fontSize * 1.4f;
        this.lines.add(TextLine.of(text, x, Math.min(RIGHT, x + text.length() * fontSize), this.y, fontSize));
        return this;
    }

    /** A line that runs to the right margin, as wrapped lines do. */
    LayoutBuilder fullLine(String text, float x, float fontSize) {
        this.y += fontSize * 1.4f;
        this.lines.add(TextLine.of(text, x, RIGHT, this.y, fontSize));
        return this;
    }

    LayoutBuilder section(String text) {
        return line(text, LEFT, 20f);
    }

    /** Title lines: each but the last runs to the right margin. */
    LayoutBuilder title(String... titleLines) {
        for (int i = 0; i < titleLines.length; i++) {
            if (i < titleLines.length - 1) {
                fullLine(titleLines[i], LEFT, 15f);
            }
            else {
                line(titleLines[i], LEFT, 15f);
            }
        }
        return this;
    }

    /** A paragraph: first line indented, the others at the left margin, all but the last full. */
    LayoutBuilder paragraph(String... paragraphLines) {
        for (int i = 0; i < paragraphLines.length; i++) {
            float x = (i == 0) ? INDENT : LEFT;
            if (i < paragraphLines.length - 1) {
                fullLine(paragraphLines[i], x, 14f);
            }
            else {
                line(paragraphLines[i], x, 14f);
            }
        }
        return this;
    }

    /** Lines continuing the paragraph of the previous page, starting at the left margin. */
    LayoutBuilder continuation(String... paragraphLines) {
        for (int i = 0; i < paragraphLines.length; i++) {
            if (i < paragraphLines.length - 1) {
                fullLine(paragraphLines[i], LEFT, 14f);
            }
            else {
                line(paragraphLines[i], LEFT, 14f);
            }
        }
        return this;
    }

    /** A table-of-contents line: the text and, far to the right, the page number. */
    LayoutBuilder tocLine(String text, int listedPage) {
        this.y += 19.5f;
        String number = Integer.toString(listedPage);
        this.lines.add(TextLine.of(List.of(new TextRun(text, LEFT, LEFT + text.length() * 13f),
                new TextRun(number, RIGHT - number.length() * 5.5f, RIGHT)), this.y, 13f));
        return this;
    }

    /**
     * A table-of-contents line as one run, its page number (if any) part of the text: after a blank, after
     * nothing, after leaders, as producers without tab stops print them.
     */
    LayoutBuilder tocText(String text) {
        this.y += 19.5f;
        this.lines.add(TextLine.of(text, LEFT, Math.min(RIGHT, LEFT + text.length() * 13f), this.y, 13f));
        return this;
    }

    /** Cover page with masthead and issue line. */
    LayoutBuilder cover(String issueLine) {
        return cover("园区周报", issueLine);
    }

    /** Cover page with the given masthead over the issue line. */
    LayoutBuilder cover(String masthead, String issueLine) {
        page();
        this.lines.add(TextLine.of(masthead, 202f, 386f, 269.3f, 53f));
        this.lines.add(TextLine.of(issueLine, 222f, 374f, 326.3f, 18f));
        return this;
    }

    PdfText build() {
        finishPage();
        return new PdfText(this.pageCount, this.pages, this.failures);
    }

    private void finishPage() {
        if (this.lines != null) {
            this.pageCount++;
            this.pages.add(new PageText(this.pageCount, WIDTH, HEIGHT, this.lines));
            this.lines = null;
        }
    }
}
