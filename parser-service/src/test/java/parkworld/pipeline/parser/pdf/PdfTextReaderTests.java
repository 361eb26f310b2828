package parkworld.pipeline.parser.pdf;

import parkworld.pipeline.contract.DeadLetterReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTextReaderTests {

    private final PdfTextReader reader = new PdfTextReader();

    @Test
    void rejectsZeroBytesAsEmpty(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("empty.pdf"), new byte[0]);
        assertRejected(() -> this.reader.read(new byte[0]), DeadLetterReason.EMPTY, "empty");
        assertRejected(() -> this.reader.read(file), DeadLetterReason.EMPTY, "empty");
        assertRejected(() -> this.reader.read(InputStream.nullInputStream()), DeadLetterReason.EMPTY, "empty");
    }

    @Test
    void rejectsHtmlErrorPageAsNotPdfWithoutQuotingIt() {
        byte[] html = "<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        IssueRejectedException rejection = assertRejected(() -> this.reader.read(html), DeadLetterReason.NOT_PDF,
                "%PDF-");
        assertThat(rejection.getMessage()).as("message describes the input without quoting it")
            .doesNotContain("DOCTYPE").doesNotContain("html").doesNotContain("502");
    }

    @Test
    void rejectsTruncatedPdfAsDamaged() {
        byte[] fixture = TestPdfs.issue121();
        byte[] firstHalf = Arrays.copyOf(fixture, fixture.length / 2);
        assertRejected(() -> this.reader.read(firstHalf), DeadLetterReason.DAMAGED, "damaged");
    }

    @Test
    void rejectsGarbageBehindPdfHeaderAsDamaged() {
        byte[] garbage = "%PDF-1.7\nthis is not a PDF body at all\n".getBytes(StandardCharsets.US_ASCII);
        assertRejected(() -> this.reader.read(garbage), DeadLetterReason.DAMAGED, "damaged");
    }

    @Test
    void rejectsPdfWithoutTextLayerAsNoText() {
        assertRejected(() -> this.reader.read(TestPdfs.blank(3)), DeadLetterReason.NO_TEXT, "no text layer");
    }

    @Test
    void rejectsPasswordProtectedPdfAsEncrypted() {
        byte[] pdf = TestPdfs.encrypted(TestPdfs.withText(new String[] { "Secret weekly digest" }), "user-secret",
                true);
        assertRejected(() -> this.reader.read(pdf), DeadLetterReason.ENCRYPTED, "password");
    }

    @Test
    void rejectsPdfThatForbidsTextExtractionAsEncrypted() {
        byte[] pdf = TestPdfs.encrypted(TestPdfs.withText(new String[] { "Do not copy this digest" }), "", false);
        assertRejected(() -> this.reader.read(pdf), DeadLetterReason.ENCRYPTED, "does not permit text extraction");
    }

    @Test
    void readsPdfThatIsEncryptedWithoutUserPasswordAndAllowsExtraction() {
        byte[] pdf = TestPdfs.encrypted(TestPdfs.withText(new String[] { "Readable weekly digest" }), "", true);
        assertThat(this.reader.read(pdf).pages()).singleElement()
                .satisfies((page) -> assertThat(page.lines()).extracting(TextLine::text)
                        .containsExactly("Readable weekly digest"));
    }

    @Test
    void rejectsMorePagesThanLimitAsTooLarge() {
        PdfTextReader limited = new PdfTextReader(new PdfLimits(21, PdfLimits.DEFAULT_MAX_BYTES));
        assertRejected(() -> limited.read(TestPdfs.issue121()), DeadLetterReason.TOO_LARGE, "22 pages, limit is 21");
    }

    @Test
    void rejectsMoreBytesThanLimitAsTooLarge(@TempDir Path tmp) throws IOException {
        byte[] fixture = TestPdfs.issue121();
        Path file = Files.write(tmp.resolve("issue.pdf"), fixture);
        PdfTextReader limited = new PdfTextReader(new PdfLimits(PdfLimits.DEFAULT_MAX_PAGES, fixture.length - 1));
        String limit = "limit is " + (fixture.length - 1) + " bytes";
        assertRejected(() -> limited.read(fixture), DeadLetterReason.TOO_LARGE, limit);
        assertRejected(() -> limited.read(file), DeadLetterReason.TOO_LARGE, limit);
        assertRejected(() -> limited.read(new ByteArrayInputStream(fixture)), DeadLetterReason.TOO_LARGE, limit);
    }

    @Test
    void skipsUnreadablePageAndReportsIt() {
        byte[] pdf = TestPdfs.withBrokenFontOnPage(TestPdfs.withText(new String[] { "First page" },
                new String[] { "Second page" }, new String[] { "Third page" }), 2);
        PdfText text = this.reader.read(pdf);
        assertThat(text.pageCount()).as("page count").isEqualTo(3);
        assertThat(text.pages()).as("pages read").extracting(PageText::number).containsExactly(1, 3);
        assertThat(text.failures()).as("reported failures").singleElement().satisfies((failure) -> {
            assertThat(failure.page()).as("failed page").isEqualTo(2);
            assertThat(failure.message()).as("failure message").contains("descendant font").doesNotContain("\n");
        });
    }

    @Test
    void rejectsPdfWhosePagesAreAllUnreadableAsDamaged() {
        byte[] pdf = TestPdfs.withBrokenFontOnPage(TestPdfs.withText(new String[] { "First page" },
                new String[] { "Second page" }), 1);
        byte[] broken = TestPdfs.withBrokenFontOnPage(pdf, 2);
        assertRejected(() -> this.reader.read(broken), DeadLetterReason.DAMAGED,
                "None of the 2 pages could be read, first problem on page 1: Missing descendant font");
    }

    @Test
    void readsLinesWithPositionAndFontSize() {
        PdfText text = this.reader.read(TestPdfs.withText(new String[] { "Weekly park news", "Second line" }));
        assertThat(text.pages()).singleElement().satisfies((page) -> {
            assertThat(page.number()).as("physical page number").isEqualTo(1);
            assertThat(page.height()).as("page height (US Letter)").isEqualTo(792f);
            assertThat(page.lines()).extracting(TextLine::text).containsExactly("Weekly park news", "Second line");
            TextLine first = page.lines().get(0);
            assertThat(first.x()).as("left edge").isCloseTo(72f, offset(0.5f));
            assertThat(first.y()).as("baseline from the top").isCloseTo(100f, offset(0.5f));
            assertThat(first.fontSize()).as("font size").isEqualTo(12f);
            assertThat(page.lines().get(1).y() - first.y()).as("line distance")
                    .isCloseTo(18f, offset(0.5f));
        });
    }

    @Test
    void readsTheFixtureFromFileWithAllPages(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("issue.pdf"), TestPdfs.issue121());
        PdfText text = this.reader.read(file);
        assertThat(text.pageCount()).as("page count").isEqualTo(22);
        assertThat(text.pages()).as("pages read").hasSize(22);
        assertThat(text.failures()).as("page failures").isEmpty();
    }

    @Test
    void stopsWhenTheThreadIsInterrupted() {
        byte[] fixture = TestPdfs.issue121();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> this.reader.read(fixture)).as("reading on an interrupted thread")
                    .isInstanceOf(CancellationException.class).hasMessageContaining("interrupted");
        }
        finally {
            Thread.interrupted();
        }
    }

    private static IssueRejectedException assertRejected(ThrowingCallable read, DeadLetterReason reason,
            String messagePart) {
        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class, read);
        assertThat(rejection).as("rejection for %s", reason).isNotNull();
        assertThat(rejection.reason()).as("reason (message: %s)", rejection.getMessage()).isEqualTo(reason);
        assertThat(rejection.getMessage()).as("message").containsIgnoringCase(messagePart).doesNotContain("\n");
        return rejection;
    }
}
