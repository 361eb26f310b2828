package parkworld.pipeline.parser.pdf;

import parkworld.pipeline.contract.DeadLetterReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF with PDFBox and extracts its positioned text in a single pass, rejecting inputs
 * that are empty, not PDFs, damaged, encrypted, over the {@link PdfLimits limits} or without a
 * text layer. Files and streams are read through a buffered file and PDFBox's temp-file stream
 * cache, so heap use does not grow with the size of the PDF; what a page draws is bounded by the
 * content limits. Extraction checks the thread's interrupt flag at every content-stream operator
 * and gives up with a {@link CancellationException}. Thread-safe.
 */
public final class PdfTextReader {

    /** PDF readers accept the header anywhere in the first kilobyte. */
    private static final int HEADER_SEARCH_LENGTH = 1024;

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PdfLimits limits;

    public PdfTextReader() {
        this(PdfLimits.DEFAULTS);
    }

    public PdfTextReader(PdfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public PdfLimits limits() {
        return this.limits;
    }

    /**
     * Reads a PDF file.
     * @throws IssueRejectedException if the file is not a usable PDF
     * @throws IOException if the file itself cannot be read
     */
    public PdfText read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        checkSize(Files.size(file));
        byte[] head = new byte[HEADER_SEARCH_LENGTH];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        checkHeader(head, headLength);
        return load(new RandomAccessReadBufferedFile(file));
    }

    /**
     * Reads a PDF held in memory.
     * @throws IssueRejectedException if the bytes are not a usable PDF
     */
    public PdfText read(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        checkSize(pdf.length);
        checkHeader(pdf, Math.min(pdf.length, HEADER_SEARCH_LENGTH));
        return load(new RandomAccessReadBuffer(pdf));
    }

    /**
     * Reads a PDF from a stream, spooling it to a temporary file first; the stream is not closed.
     * Reading stops as soon as the stream exceeds {@link PdfLimits#maxBytes()}.
     * @throws IssueRejectedException if the stream is not a usable PDF
     * @throws IOException if the stream or the temporary file fails
     */
    public PdfText read(InputStream pdf) throws IOException {
        Objects.requireNonNull(pdf, "pdf");
        Path spool = Files.createTempFile("parkworld-issue-", ".pdf");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                copyWithinLimit(pdf, out);
            }
            return read(spool);
        }
        finally {
            Files.deleteIfExists(spool);
        }
    }

    private void copyWithinLimit(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > this.limits.maxBytes()) {
                throw tooManyBytes("more than " + this.limits.maxBytes());
            }
            out.write(buffer, 0, read);
        }
    }

    private void checkSize(long bytes) {
        if (bytes == 0) {
            throw new IssueRejectedException(DeadLetterReason.EMPTY, "File is empty (0 bytes)");
        }
        if (bytes > this.limits.maxBytes()) {
            throw tooManyBytes(Long.toString(bytes));
        }
    }

    private IssueRejectedException tooManyBytes(String size) {
        return new IssueRejectedException(DeadLetterReason.TOO_LARGE,
                "File has " + size + " bytes, limit is " + this.limits.maxBytes() + " bytes");
    }

    private static void checkHeader(byte[] head, int length) {
        if (indexOf(head, length, PDF_HEADER) < 0) {
            throw new IssueRejectedException(DeadLetterReason.NOT_PDF,
                    // Says what the file is not, never what it contains: the message travels in dead-letter headers
                    // and logs, and must not leak the start of whatever file an event pointed at.
                    "Not a PDF: no %PDF- header in the first " + HEADER_SEARCH_LENGTH + " bytes");
        }
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer: for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }


    private PdfText load(RandomAccessRead source) {
        try (RandomAccessRead input = source) {
            try (PDDocument document = open(input)) {
                return extract(document);
            }
            catch (IssueRejectedException | CancellationException ex) {
                throw ex;
            }
            catch (RuntimeException ex) {
                // PDFBox is lenient on loading, a broken page tree may only show up here
                throw new IssueRejectedException(DeadLetterReason.DAMAGED,
                        "PDF structure is broken: " + Messages.describe(ex), ex);
            }
        }
        catch (IOException ex) {
            // only closing can get here: loading and extraction failures are rejections
            throw new UncheckedIOException("Closing the PDF failed", ex);
        }
    }

    private static PDDocument open(RandomAccessRead input) {
        try {
            return Loader.loadPDF(input, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        }
        catch (InvalidPasswordException ex) {
            throw new IssueRejectedException(DeadLetterReason.ENCRYPTED,
                    "PDF is password protected", ex);
        }
        catch (IOException | RuntimeException ex) {
            throw new IssueRejectedException(DeadLetterReason.DAMAGED,
                    "PDF is damaged and cannot be opened: " + Messages.describe(ex), ex);
        }
    }

    private PdfText extract(PDDocument document) {
        if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
            throw new IssueRejectedException(DeadLetterReason.ENCRYPTED,
                    "PDF is encrypted and does not permit text extraction");
        }
        int pageCount = countPages(document);
        if (pageCount == 0) {
            throw new IssueRejectedException(DeadLetterReason.DAMAGED, "PDF has no pages");
        }
        PositionedTextStripper stripper = new PositionedTextStripper(this.limits);
        try {
            stripper.writeText(document, Writer.nullWriter());
        }
        catch (IssueRejectedException | CancellationException ex) {
            throw ex;
        }
        catch (IOException | RuntimeException ex) {
            stripper.recordDocumentFailure(ex);
        }
        PdfText text = new PdfText(pageCount, stripper.pages(), stripper.failures());
        if (text.pages().isEmpty() && !text.failures().isEmpty()) {
            String problem = text.failures().get(0).toString();
            throw new IssueRejectedException(DeadLetterReason.DAMAGED, (pageCount == 1)
                    ? "The only page could not be read: " + problem
                    : "None of the " + pageCount + " pages could be read, first problem on " + problem);
        }
        if (text.pages().stream().allMatch((page) -> page.lines().isEmpty())) {
            throw new IssueRejectedException(DeadLetterReason.NO_TEXT, "PDF has " + pageCount
                    + (pageCount == 1 ? " page" : " pages") + " but no text layer (scanned images only?)");
        }
        return text;
    }

    /**
     * The pages extraction will walk, counted by walking the page tree: its declared {@code /Count} is only a
     * claim, and a tree declaring one page can hold twenty thousand. Walking reads page dictionaries, not content,
     * and stops one page past the limit.
     */
    private int countPages(PDDocument document) {
        int declared = document.getNumberOfPages();
        if (declared > this.limits.maxPages()) {
            throw tooManyPages(Integer.toString(declared));
        }
        int walked = 0;
        for (Iterator<PDPage> pages = document.getPages().iterator(); pages.hasNext(); pages.next()) {
            if (++walked > this.limits.maxPages()) {
                throw tooManyPages("more than " + this.limits.maxPages() + " (its page tree declares " + declared
                        + ")");
            }
        }
        return walked;
    }

    private IssueRejectedException tooManyPages(String pages) {
        return new IssueRejectedException(DeadLetterReason.TOO_LARGE,
                "PDF has " + pages + " pages, limit is " + this.limits.maxPages() + " pages");
    }
}
