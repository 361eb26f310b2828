package parkworld.pipeline.parser.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Tiny PDFs that ask the parser for unbounded work or smuggle characters into its text, generated with PDFBox the
 * way an attacker would write them: content streams by hand, forms drawing forms, a page tree that lies about its
 * size, a font whose ToUnicode map turns glyphs into control characters.
 */
public final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * One page with one line of text, then form XObjects nested {@code depth} deep, each drawing the next
     * {@code fanOut} times; the innermost fills a rectangle. {@code fanOut}<sup>{@code depth}</sup> forms in a few
     * kilobytes: 8 deep by 10 is 10^8, which keeps PDFBox busy for hours.
     */
    public static byte[] nestedForms(int depth, int fanOut) {
        try (PDDocument document = new PDDocument()) {
            PDFormXObject inner = form(document, "0 0 1 1 re f\n");
            for (int level = depth - 1; level >= 1; level--) {
                PDFormXObject outer = form(document, "q /Fx Do Q\n".repeat(fanOut));
                outer.getResources().put(COSName.getPDFName("Fx"), inner);
                inner = outer;
            }
            PDPage page = new PDPage();
            document.addPage(page);
            page.setResources(new PDResources());
            page.getResources().put(COSName.getPDFName("Fx"), inner);
            COSName font = page.getResources().add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            page.setContents(stream(document, "BT /" + font.getName() + " 12 Tf 72 700 Td (Weekly park news) Tj ET\n"
                    + "q /Fx Do Q\n"));
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Pages each drawing {@code glyphsPerPage} glyphs of 1 pt Helvetica in one flate-compressed content stream: 20
     * million glyphs are some 40 KB of PDF and far more than a 256 MB heap holds as PDFBox text positions.
     */
    public static byte[] glyphFlood(int pages, int glyphsPerPage) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String line = "(" + "x".repeat(1000) + ") Tj\n";
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                page.setResources(new PDResources());
                COSName fontName = page.getResources().add(font);
                PDStream content = new PDStream(document);
                try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(("BT /" + fontName.getName() + " 1 Tf 72 700 Td\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] thousand = line.getBytes(StandardCharsets.US_ASCII);
                    for (int written = 0; written < glyphsPerPage; written += 1000) {
                        out.write(thousand);
                    }
                    out.write("ET\n".getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(content);
            }
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A page tree whose root declares {@code /Count 1} but holds {@code pages} pages (all sharing one content
     * stream with a line of text).
     */
    public static byte[] pageTreeDeclaringOnePage(int pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDResources resources = new PDResources();
            COSName fontName = resources.add(font);
            PDStream content = stream(document, "BT /" + fontName.getName() + " 12 Tf 72 700 Td (Weekly park news) Tj ET\n");
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                page.setResources(resources);
                page.setContents(content);
                document.addPage(page);
            }
            document.getPages().getCOSObject().setInt(COSName.COUNT, 1);
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * One page of Helvetica text whose font carries a ToUnicode map sending the given characters (as drawn, WinAnsi
     * codes below 128) to other text: what a text extractor then reads is the replacement, whatever the page shows.
     */
    public static byte[] withToUnicode(String text, Map<Character, String> replacements) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            COSStream toUnicode = document.getDocument().createCOSStream();
            try (OutputStream out = toUnicode.createOutputStream()) {
                out.write(toUnicodeCMap(replacements).getBytes(StandardCharsets.US_ASCII));
            }
            font.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode);
            // saved and loaded again by the reader: the font is read from its dictionary, ToUnicode included
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The font dictionaries of every page of an issue get a ToUnicode map (two-byte codes, as Type0 fonts use). */
    public static byte[] withToUnicodeOnEveryFont(byte[] pdf, Map<Character, String> replacements) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSStream toUnicode = document.getDocument().createCOSStream();
            try (OutputStream out = toUnicode.createOutputStream()) {
                out.write(twoByteToUnicodeCMap(replacements).getBytes(StandardCharsets.US_ASCII));
            }
            for (PDPage page : document.getPages()) {
                COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
                for (COSName name : fonts.keySet()) {
                    fonts.getCOSDictionary(name).setItem(COSName.TO_UNICODE, toUnicode);
                }
            }
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String toUnicodeCMap(Map<Character, String> replacements) {
        StringBuilder map = new StringBuilder(cmapStart("<00> <FF>")).append(replacements.size())
            .append(" beginbfchar\n");
        replacements.forEach((drawn, read) -> map.append('<').append(HexFormat.of().toHexDigits((byte) drawn.charValue()))
            .append("> <").append(utf16Hex(read)).append(">\n"));
        return map.append("endbfchar\n").append(cmapEnd()).toString();
    }

    private static String twoByteToUnicodeCMap(Map<Character, String> replacements) {
        StringBuilder map = new StringBuilder(cmapStart("<0000> <FFFF>")).append(replacements.size())
            .append(" beginbfchar\n");
        replacements.forEach((drawn, read) -> map.append('<').append(HexFormat.of().toHexDigits(drawn.charValue()))
            .append("> <").append(utf16Hex(read)).append(">\n"));
        return map.append("endbfchar\n").append(cmapEnd()).toString();
    }

    private static String cmapStart(String codespace) {
        return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n" + codespace
                + "\nendcodespacerange\n";
    }

    private static String cmapEnd() {
        return "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    }

    private static String utf16Hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (char c : text.toCharArray()) {
            hex.append(HexFormat.of().toHexDigits(c));
        }
        return hex.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static PDFormXObject form(PDDocument document, String content) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(0, 0, 10, 10));
        form.setResources(new PDResources());
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return form;
    }

    private static PDStream stream(PDDocument document, String content) throws IOException {
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
