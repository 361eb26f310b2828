package parkworld.pipeline.parser.pdf;

import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Upper bounds for an accepted PDF; anything bigger is rejected with
 * {@link DeadLetterReason#TOO_LARGE} before its text is extracted.
 *
 * @param maxPages largest accepted number of pages
 * @param maxBytes largest accepted file size in bytes
 */
public record PdfLimits(int maxPages, long maxBytes) {

    public static final int DEFAULT_MAX_PAGES = 300;

    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    /** 300 pages, 100 MiB. */
    public static final PdfLimits DEFAULTS = new PdfLimits(DEFAULT_MAX_PAGES, DEFAULT_MAX_BYTES);

    public PdfLimits {
        if (maxPages <= 0) {
            throw new IllegalArgumentException("maxPages must be positive but was " + maxPages);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive but was " + maxBytes);
        }
    }
}
