package parkworld.pipeline.contract;

/**
 * Why a service gave up on a record: the value of the {@link DeadLetterHeaders#REASON} header, the {@code reason}
 * tag of {@link PipelineMeters#DEAD_LETTERS}, and the selector of the dead-letter command's {@code replay --reason}.
 * Every reason is final for the bytes it is attached to: retrying them unchanged cannot succeed, so they are
 * dead-lettered at once. Transient failures (broker or Elasticsearch unavailable, timeouts) never get a reason: they
 * are retried until they succeed. {@link #replayableAfterFix()} says whether replaying the record to its original
 * topic makes sense once the cause (configuration, a bug, a missing file) has been fixed.
 */
public enum DeadLetterReason {

    /** The stored file has zero bytes. */
    EMPTY(false),
    /** The stored file is not a PDF (an HTML error page, an image...). */
    NOT_PDF(false),
    /** PDFBox cannot load the file: truncated, corrupt cross-reference table, unreadable pages. */
    DAMAGED(false),
    /** The PDF needs a password or forbids text extraction. */
    ENCRYPTED(false),
    /** The PDF has no text layer (a scan without OCR). */
    NO_TEXT(false),
    /** A readable PDF, but no issue number on its cover or no articles in it. */
    NOT_AN_ISSUE(false),
    /** The PDF holds more than one issue (two covers) and the parser does not split it. */
    MULTIPLE_ISSUES(false),
    /** More pages or bytes than the parser accepts ({@code parkworld.parser.max-pages}, {@code max-file-size}). */
    TOO_LARGE(true),
    /** Parsing took longer than {@code parkworld.parser.time-limit}. */
    TIMEOUT(true),
    /** The {@code blobUri} of an {@code IssueFetched} does not lead to a readable stored PDF. */
    BLOB_MISSING(true),
    /** The {@code blobUri} points outside the configured blob store (a forged or misrouted event). */
    BLOB_OUTSIDE_STORE(false),
    /** The payload is not a valid event of the topic's type: empty, not JSON, or against its JSON Schema. */
    MALFORMED_EVENT(false),
    /** The parser failed on this input: a bug in the parser, replayable once fixed. */
    PARSER_ERROR(true),
    /**
     * The events the parser built for the issue break their own schema for more than
     * {@code parkworld.parser.output.max-invalid-share} of its articles: a parser defect on this layout. The issue
     * is not published at all rather than published half-empty.
     */
    INVALID_OUTPUT(true),
    /** An event of the issue serialises larger than the producer may send ({@code max.request.size}). */
    EVENT_TOO_LARGE(true),
    /** A valid article Elasticsearch refused to index (a mapping or parse error on the document). */
    INDEX_REJECTED(true),
    /**
     * The event's {@code parsedAt} lies further in the future than the indexer's
     * {@code parkworld.indexer.freshness.max-clock-skew}: a producer with a wrong clock (or a forged record), whose
     * documents would otherwise win over every later real parse. Re-parse the issue with a correct clock instead.
     */
    PARSED_AT_IN_FUTURE(false);

    private final boolean replayableAfterFix;

    DeadLetterReason(boolean replayableAfterFix) {
        this.replayableAfterFix = replayableAfterFix;
    }

    /**
     * @return true when the cause lies in this project (a limit, a bug, a missing blob, the index mapping), so the
     *         record can succeed once that is fixed; false when the input itself is bad and will fail again
     */
    public boolean replayableAfterFix() {
        return this.replayableAfterFix;
    }
}
