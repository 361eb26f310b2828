package parkworld.pipeline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * One issue of {@value #LARGE_PAGES} pages: the fixture's cover, table of contents and article pages, then its
     * article pages (4 to 22) {@value #LARGE_REPEATS} more times. One cover and one table of contents, so it is parsed
     * as one issue, where {@value #MERGED} is refused as {@code MULTIPLE_ISSUES}. Titles repeat (the table of
     * contents lists each once; the repeats are reported as unlisted and the parse is degraded), which costs the
     * parser what distinct titles would.
     */
    static final String LARGE = "single-516";

    static final int LARGE_REPEATS = 26;

    /** The fixture's first article page (1-based): page 1 is the cover, 2 and 3 the table of contents. */
    private static final int FIRST_ARTICLE_PAGE = 4;

    static final int LARGE_PAGES = 22 + LARGE_REPEATS * (22 - FIRST_ARTICLE_PAGE + 1);

    private IssueFile() {
    }

    /** The file to parse; a bundled fixture is first copied to a temporary file, which the caller deletes. */
    static Path resolve(String issue) {
        if (MERGED.equals(issue)) {
            return merged(MERGED_COPIES);
        }
        if (LARGE.equals(issue)) {
            return largeSingleIssue(LARGE_REPEATS);
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

    /** The fixture with its article pages appended {@code repeats} times, in a temporary file the caller deletes. */
    static Path largeSingleIssue(int repeats) {
        Path fixture = resolve(FIXTURE);
        try (PDDocument large = Loader.loadPDF(fixture.toFile())) {
            List<PDDocument> sources = new ArrayList<>();
            try {
                int pages = large.getNumberOfPages();
                for (int r = 0; r < repeats; r++) {
                    PDDocument source = Loader.loadPDF(fixture.toFile());
                    sources.add(source);
                    for (int p = FIRST_ARTICLE_PAGE - 1; p < pages; p++) {
                        large.importPage(source.getPage(p));
                    }
                }
                Path file = Files.createTempFile("issue-121-single-" + large.getNumberOfPages() + "-", ".pdf");
                large.save(file.toFile());
                return file;
            }
            finally {
                for (PDDocument source : sources) {
                    source.close();
                }
            }
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
        if (LARGE.equals(issue)) {
            return "one issue of " + LARGE_PAGES + " pages (issue-121 with its article pages " + LARGE_REPEATS
                    + " times more)";
        }
        return FIXTURE.equals(issue) ? "issue-121.pdf (bundled fixture)" : issue;
    }

    static boolean isTemporary(String issue) {
        return FIXTURE.equals(issue) || MERGED.equals(issue) || LARGE.equals(issue);
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
