package parkworld.pipeline.benchmarks.corpus;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One issue the {@link CorpusGenerator} wrote (or found already written), with what the parser should find in it.
 *
 * @param file     the PDF
 * @param serial   the serial number on its cover ({@code 总N期}), unique in the corpus
 * @param date     the day it appeared
 * @param label    year, month and issue in month as printed, e.g. {@code 2023年5月4期}
 * @param pages    pages of the PDF (cover, table of contents and articles)
 * @param sections sections (3 or 4)
 * @param articles articles, all listed in the table of contents
 * @param bytes    size of the file
 * @param sha256   SHA-256 of the file, hex
 * @param reused   whether the file was already there, identical, and not written again
 */
public record GeneratedIssue(Path file, int serial, LocalDate date, String label, int pages, int sections,
        int articles, long bytes, String sha256, boolean reused) {
}
