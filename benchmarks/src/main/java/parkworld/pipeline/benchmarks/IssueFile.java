package parkworld.pipeline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The PDF a benchmark reads: {@value #FIXTURE} is the issue-121 fixture bundled in this jar, {@value #MERGED} that
 * fixture joined {@value #MERGED_COPIES} times (550 pages, generated when the benchmark starts, never checked in),
 * anything else a path. Both benchmarks read the same file from disk, as the service reads a stored blob.
 */
final class IssueFile {

    static final String FIXTURE = "fixture";

    static final String MERGED = "merged-25";

    static final int MERGED_COPIES = 25;

    private IssueFile() {
    }

    /** The file to parse; a bundled fixture is first copied to a temporary file, which the caller deletes. */
    static Path resolve(String issue) {
        if (MERGED.equals(issue)) {
            return merged(MERGED_COPIES);
        }
        if (!FIXTURE.equals(issue)) {
            return Path.of(issue);
        }
        try (InputStream in = Objects.requireNonNull(IssueFile.class.getResourceAsStream("/fixtures/issue-121.pdf"),
                "fixture /fixtures/issue-121.pdf is not in the jar")) {
            Path copy = Files.createTempFile("issue-121-", ".pdf");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The fixture joined {@code copies} times with PDFBox's merger, in a temporary file the caller deletes. */
    static Path merged(int copies) {
        Path fixture = resolve(FIXTURE);
        try {
            Path merged = Files.createTempFile("issue-121-x" + copies + "-", ".pdf");
            PDFMergerUtility merger = new PDFMergerUtility();
            for (int i = 0; i < copies; i++) {
                merger.addSource(fixture.toFile());
            }
            merger.setDestinationFileName(merged.toString());
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
            return merged;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            fixture.toFile().delete();
        }
    }

    /** How a report names the issue. */
    static String label(String issue) {
        if (MERGED.equals(issue)) {
            return "issue-121.pdf joined " + MERGED_COPIES + " times";
        }
        return FIXTURE.equals(issue) ? "issue-121.pdf (bundled fixture)" : issue;
    }

    static boolean isTemporary(String issue) {
        return FIXTURE.equals(issue) || MERGED.equals(issue);
    }

    static int pages(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
