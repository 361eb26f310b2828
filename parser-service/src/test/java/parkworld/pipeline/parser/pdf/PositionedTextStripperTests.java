package parkworld.pipeline.parser.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The positioned stripper finds its own duplicates and builds the lines of most pages itself: what it reads must be
 * what PDFBox's own text extraction reads, line for line.
 */
class PositionedTextStripperTests {

    private final PdfTextReader reader = new PdfTextReader();

    @Test
    void readsTheFixtureLineForLineAsPdfBoxDoes() {
        assertReadAsPdfBoxReadsIt(TestPdfs.issue121());
    }

    @Test
    void readsChineseTextInATrueTypeFontAsPdfBoxDoes() {
        assertReadAsPdfBoxReadsIt(TestPdfs.withChineseLine("二、园区动态：某产业园签约总投资1.5亿元的项目（第12页）"));
    }

    @Test
    void dropsGlyphsDrawnOverThemselvesAsPdfBoxDoes() {
        byte[] pdf = fakeBoldPage();
        assertReadAsPdfBoxReadsIt(pdf);
        List<String> lines = lines(pdf);
        assertThat(lines).as("bold faked by drawing twice reads once").contains("Weekly park news");
        assertThat(lines).as("a leader of 120 dots drawn twice, beyond the linear search")
            .anyMatch((line) -> line.equals("Investment " + ".".repeat(120) + " 12"));
    }

    @Test
    void readsRightToLeftTextAsPdfBoxDoes() {
        // Hebrew letters make PDFBox reorder the words: the page goes PDFBox's own way
        byte[] pdf = HostilePdfs.withToUnicode("abc def", Map.of('a', "\u05d0", 'b', "\u05d1", 'c', "\u05d2"));
        assertReadAsPdfBoxReadsIt(pdf);
        assertThat(lines(pdf)).as("the Hebrew word reversed into reading order").singleElement().asString()
            .contains("\u05d2\u05d1\u05d0").contains("def");
    }

    @Test
    void countsTextAsBlankWhereStringDoes() {
        // the font size tally skips blank glyphs; its own test skips the lookup for CJK text
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = String.valueOf((char) c);
            assertThat(PositionedTextStripper.isBlank(text)).as("U+%04X", c).isEqualTo(text.isBlank());
            assertThat(PositionedTextStripper.isBlank(" " + text)).as("blank and U+%04X", c)
                .isEqualTo((" " + text).isBlank());
        }
        assertThat(PositionedTextStripper.isBlank("\ud83d\ude00")).isFalse();
        assertThat(PositionedTextStripper.isBlank("")).isTrue();
    }

    private void assertReadAsPdfBoxReadsIt(byte[] pdf) {
        List<String> ours = lines(pdf);
        assertThat(ours).isNotEmpty();
        assertThat(ours).isEqualTo(pdfBoxLines(pdf));
    }

    private List<String> lines(byte[] pdf) {
        List<String> lines = new ArrayList<>();
        for (PageText page : this.reader.read(pdf).pages()) {
            page.lines().forEach((line) -> lines.add(line.text()));
        }
        return lines;
    }

    /** PDFBox's plain text, one entry per non-blank line, stripped as a positioned line's text is. */
    private static List<String> pdfBoxLines(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            return Arrays.stream(stripper.getText(document).split("\n")).map(String::strip)
                .filter((line) -> !line.isEmpty()).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A page drawing a title twice in place and once slightly off (bold as some producers fake it), a leader line of
     * dots drawn twice, a smaller font and wide gaps.
     */
    private static byte[] fakeBoldPage() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font times = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (float dx : new float[] { 0, 0, 0.4f }) {
                    show(content, helvetica, 16, 72 + dx, 700, "Weekly park news");
                }
                for (int i = 0; i < 2; i++) {
                    show(content, times, 10, 72, 660, "Investment " + ".".repeat(120) + " 12");
                }
                show(content, times, 8, 72, 640, "small print");
                show(content, times, 8, 300, 640, "far right");
                show(content, helvetica, 12, 72, 600, "one  two   three");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void show(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
