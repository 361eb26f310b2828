package parkworld.pipeline.parser.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.PdfLimits;
import parkworld.pipeline.parser.pdf.PdfTextReader;
import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Parses a 园区周报 PDF into its articles: reads the text with positions in one PDFBox pass,
 * drops running headers, footers and page numbers, reads the issue number from the cover,
 * the table of contents and the articles, and cross-checks the articles against the table of
 * contents, and rates the result ({@link ParsedIssue#quality()}). Thread-safe; one instance can serve all requests.
 *
 * <p>Inputs that cannot be an issue are rejected with an {@link IssueRejectedException}
 * carrying a {@link DeadLetterReason}. Anything that is odd but not fatal (an unreadable page, a
 * title that differs from the table of contents, ...) ends up in {@link ParsedIssue#warnings()}.
 */
public final class IssueParser {

    private final PdfTextReader reader;

    private final IssueAssembler assembler;

    /** A parser with {@link PdfLimits#DEFAULTS default limits} and {@link QualityRules#DEFAULTS quality rules}. */
    public IssueParser() {
        this(PdfLimits.DEFAULTS);
    }

    public IssueParser(PdfLimits limits) {
        this(limits, QualityRules.DEFAULTS);
    }

    /** @param qualityRules when an issue is {@link ParsedIssue#quality() degraded} */
    public IssueParser(PdfLimits limits, QualityRules qualityRules) {
        this.reader = new PdfTextReader(Objects.requireNonNull(limits, "limits"));
        this.assembler = new IssueAssembler(Objects.requireNonNull(qualityRules, "qualityRules"));
    }

    public PdfLimits limits() {
        return this.reader.limits();
    }

    /**
     * @throws IssueRejectedException if the file is not a usable issue
     * @throws IOException if the file cannot be read
     */
    public ParsedIssue parse(Path pdf) throws IOException {
        return this.assembler.assemble(this.reader.read(pdf));
    }

    /**
     * @throws IssueRejectedException if the bytes are not a usable issue
     */
    public ParsedIssue parse(byte[] pdf) {
        return this.assembler.assemble(this.reader.read(pdf));
    }

    /**
     * Parses a stream, which is spooled to a temporary file first and not closed.
     * @throws IssueRejectedException if the stream is not a usable issue
     * @throws IOException if reading the stream or the temporary file fails
     */
    public ParsedIssue parse(InputStream pdf) throws IOException {
        return this.assembler.assemble(this.reader.read(pdf));
    }
}
