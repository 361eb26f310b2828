package parkworld.pipeline.parser;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import parkworld.pipeline.parser.pdf.PdfLimits;

/**
 * How the parser treats a PDF.
 *
 * @param maxPages    PDFs with more pages are refused ({@code TOO_LARGE}) before any text is extracted
 * @param maxFileSize larger PDFs are refused ({@code TOO_LARGE})
 * @param timeLimit   a parse that takes longer is abandoned ({@code TIMEOUT})
 * @param version     recorded as {@code parserVersion} in every article
 * @param blobStoreDirectory the blob store the ingest-service writes to, mounted here at the same path; when set,
 *                    only PDFs inside it are read ({@code BLOB_OUTSIDE_STORE} otherwise). Unset: any readable
 *                    {@code file:} URI of an {@code IssueFetched} is read.
 */
@Validated
@ConfigurationProperties("parkworld.parser")
public record ParserProperties(@Min(1) @DefaultValue("300") int maxPages,
        @DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("2m") Duration timeLimit,
        @NotBlank @DefaultValue("0.1.0") String version, Path blobStoreDirectory) {

    public PdfLimits limits() {
        return new PdfLimits(this.maxPages, this.maxFileSize.toBytes());
    }
}
