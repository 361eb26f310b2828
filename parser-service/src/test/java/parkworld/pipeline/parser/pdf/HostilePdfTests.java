package parkworld.pipeline.parser.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import parkworld.pipeline.contract.DeadLetterReason;

/** The reader against PDFs that ask for unbounded work or smuggle control characters into the text. */
// a guard only: without the limits these PDFs take hours, with them milliseconds
@Timeout(60)
class HostilePdfTests {

    private final PdfTextReader reader = new PdfTextReader();

    @Test
    void rejectsAPageDrawingTenToTheEightFormsFromTwoKilobytesAsTooLarge() {
        byte[] pdf = HostilePdfs.nestedForms(8, 10);
        assertThat(pdf.length).as("size of the PDF").isLessThan(4_000);

        assertRejected(() -> this.reader.read(pdf), "page 1 draws more form XObjects than the limit of 5000 per page");
    }

    @Test
    void rejectsFormsNestedDeeperThanTheLimitAsTooLarge() {
        assertRejected(() -> this.reader.read(HostilePdfs.nestedForms(20, 1)),
                "page 1 nests form XObjects deeper than the limit of 12");
    }

    @Test
    void readsFormsWithinTheLimits() {
        PdfText text = this.reader.read(HostilePdfs.nestedForms(3, 10));

        assertThat(text.pages()).singleElement().satisfies(page -> assertThat(page.lines())
            .extracting(TextLine::text).containsExactly("Weekly park news"));
    }

    @Test
    void stopsInsideAPageWhenInterrupted() {
        PdfTextReader unlimitedForms = new PdfTextReader(new PdfLimits(300, PdfLimits.DEFAULT_MAX_BYTES, 50,
                Integer.MAX_VALUE, PdfLimits.DEFAULT_MAX_GLYPHS_PER_PAGE, PdfLimits.DEFAULT_MAX_GLYPHS_PER_ISSUE));
        byte[] pdf = HostilePdfs.nestedForms(8, 10);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread parse = new Thread(() -> {
            try {
                unlimitedForms.read(pdf);
            }
            catch (Throwable ex) {
                failure.set(ex);
            }
        }, "hostile-parse");
        parse.setDaemon(true);
        parse.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
            .until(() -> Arrays.stream(parse.getStackTrace()).anyMatch(f -> f.getMethodName().equals("showForm")));

        parse.interrupt();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> !parse.isAlive());
        assertThat(failure.get()).isInstanceOf(CancellationException.class)
            .hasMessage("text extraction interrupted on page 1");
    }

    @Test
    void rejectsAPageDrawingMoreGlyphsThanTheLimitAsTooLarge() {
        assertRejected(() -> this.reader.read(HostilePdfs.glyphFlood(1, 60_000)),
                "page 1 draws more glyphs than the limit of 50000 per page");
    }

    @Test
    void rejectsAnIssueDrawingMoreGlyphsThanTheLimitAsTooLarge() {
        PdfTextReader limited = new PdfTextReader(new PdfLimits(300, PdfLimits.DEFAULT_MAX_BYTES,
                PdfLimits.DEFAULT_MAX_FORM_DEPTH, PdfLimits.DEFAULT_MAX_FORMS_PER_PAGE, 30_000, 50_000));

        assertRejected(() -> limited.read(HostilePdfs.glyphFlood(3, 20_000)),
                "pages 1 to 3 draw more glyphs than the limit of 50000 per issue");
    }

    @Test
    void countsThePagesOfThePageTreeNotThoseItDeclares() throws Exception {
        byte[] pdf = HostilePdfs.pageTreeDeclaringOnePage(400);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("pages the tree declares").isEqualTo(1);
        }

        assertRejected(() -> this.reader.read(pdf),
                "PDF has more than 300 (its page tree declares 1) pages, limit is 300 pages");
    }

    @Test
    void reportsThePagesWalkedWithinTheLimit() {
        PdfText text = this.reader.read(HostilePdfs.pageTreeDeclaringOnePage(5));

        assertThat(text.pageCount()).isEqualTo(5);
        assertThat(text.pages()).hasSize(5);
    }

    @Test
    void stripsTheControlAndFormatCharactersAFontMapsItsGlyphsTo() {
        Map<Character, String> toUnicode = new LinkedHashMap<>();
        toUnicode.put('~', "\u001b[31m");
        toUnicode.put('|', "\u202e");
        toUnicode.put('`', "\u200b");
        toUnicode.put('{', "\ufeff");
        toUnicode.put('}', "\u2066\u0085");
        toUnicode.put('^', "\n");
        byte[] pdf = HostilePdfs.withToUnicode("Weekly~park |news`{} ^INFO forged", toUnicode);

        PdfText text = this.reader.read(pdf);

        String extracted = String.join("\n", text.pages().get(0).lines().stream().map(TextLine::text).toList());
        assertThat(extracted.codePoints().filter(c -> Character.getType(c) == Character.CONTROL && c != '\n'
                || Character.getType(c) == Character.FORMAT)).as("control and format characters in " + extracted)
            .isEmpty();
        assertThat(extracted).as("one line").doesNotContain("\n")
            .contains("Weekly[31mpark").as("no bidi override reversed the text").contains("news")
            .contains("INFO forged");
    }

    @Test
    void stripsAForgedLogLineAChineseFontMapsAGlyphTo() {
        byte[] pdf = HostilePdfs.withToUnicodeOnEveryFont(TestPdfs.withChineseLine("欧普照明★华南总部签约"),
                Map.of('★', "\u001b[2K\r\nINFO [issue-1] forged\u202e"));

        PdfText text = this.reader.read(pdf);

        assertThat(text.pages().get(0).lines()).extracting(TextLine::text)
            .containsExactly("园区周报", "欧普照明[2K  INFO [issue-1] forged华南总部签约");
    }

    private static void assertRejected(ThrowingCallable read, String message) {
        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class, read);
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason (message: %s)", rejection.getMessage())
            .isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(rejection.getMessage()).isEqualTo(message);
    }
}
