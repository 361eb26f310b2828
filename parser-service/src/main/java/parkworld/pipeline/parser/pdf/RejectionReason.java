package parkworld.pipeline.parser.pdf;

/**
 * Why an uploaded file cannot be turned into an issue. Every reason is a property of the
 * input, so retrying the same bytes will fail the same way.
 */
public enum RejectionReason {

    /** The input has zero bytes. */
    EMPTY,

    /** The input does not start with a {@code %PDF-} header (HTML error page, image, ...). */
    NOT_PDF,

    /** PDFBox cannot load the file (truncated, corrupt cross-reference table, unreadable pages). */
    DAMAGED,

    /** The PDF needs a password to open or forbids text extraction. */
    ENCRYPTED,

    /** The PDF has no text layer (for example a scan without OCR). */
    NO_TEXT,

    /** A readable PDF with text, but no issue number on the cover or no articles. */
    NOT_AN_ISSUE,

    /** More pages or bytes than the configured {@link PdfLimits}. */
    TOO_LARGE
}
