package parkworld.pipeline.parser.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Small PDFs generated with PDFBox for tests. Only Latin text: the machine has no CJK font to
 * embed, so Chinese layouts are tested with synthetic text lines instead.
 */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** The issue-121 fixture. */
    public static byte[] issue121() {
        try (InputStream in = TestPdfs.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            return Objects.requireNonNull(in, "fixture /fixtures/issue-121.pdf is missing").readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One page per argument, each with its lines of 12 pt Helvetica text 18 pt apart from the top. */
    public static byte[] withText(String[]... pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String[] lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, page.getMediaBox().getHeight() - 100);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -18);
                    }
                    content.endText();
                }
            }
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One page with one line of Chinese text, in the font generated issues use. */
    public static byte[] withChineseLine(String line) {
        return parkworld.pipeline.parser.fixtures.IssuePdf.issue(1, "2023年5月4期").coverLine(line).build();
    }

    /** Pages without any text. */
    public static byte[] blank(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The PDF encrypted with PDFBox: {@code userPassword} is needed to open it ("" for none), and
     * text extraction is allowed or not.
     */
    public static byte[] encrypted(byte[] pdf, String userPassword, boolean canExtractContent) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(canExtractContent);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The PDF with the font of the given page (1-based) replaced by a Type0 font without
     * descendant fonts, so PDFBox fails on that page only.
     */
    public static byte[] withBrokenFontOnPage(byte[] pdf, int pageNumber) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(pageNumber - 1);
            COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            COSDictionary broken = new COSDictionary();
            broken.setItem(COSName.TYPE, COSName.FONT);
            broken.setItem(COSName.SUBTYPE, COSName.TYPE0);
            for (COSName name : fonts.keySet()) {
                fonts.setItem(name, broken);
            }
            return save(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
