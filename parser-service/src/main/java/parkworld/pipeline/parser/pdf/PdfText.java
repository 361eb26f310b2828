package parkworld.pipeline.parser.pdf;

import java.util.List;

/**
 * Positioned text of a whole PDF.
 *
 * @param pageCount number of pages in the document
 * @param pages the pages that have content and could be read, in page order
 * @param failures pages that could not be read and were skipped
 */
public record PdfText(int pageCount, List<PageText> pages, List<PageFailure> failures) {

    public PdfText {
        pages = List.copyOf(pages);
        failures = List.copyOf(failures);
    }
}
