package parkworld.pipeline.parser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import parkworld.pipeline.parser.pdf.PdfLimits;
import parkworld.pipeline.parser.pipeline.OutputRules;

/**
 * How the parser treats a PDF and what it may publish. The service binds it from {@code parkworld.parser.*}; the
 * {@code parse} command takes its defaults from the same record, so the two cannot drift apart.
 *
 * @param maxPages    PDFs with more pages are refused ({@code TOO_LARGE}) before any text is extracted; pages are
 *                    counted by walking the page tree, whatever it declares
 * @param maxFileSize larger PDFs are refused ({@code TOO_LARGE})
 * @param maxFormDepth a page nesting form XObjects deeper (a form drawing a form drawing ...) rejects the issue
 *                    ({@code TOO_LARGE})
 * @param maxFormsPerPage a page drawing more form XObjects, nested ones included, rejects the issue
 *                    ({@code TOO_LARGE}): forms drawing forms multiply, a few kilobytes can ask for 10^8
 * @param maxGlyphsPerPage a page drawing more glyphs rejects the issue ({@code TOO_LARGE}); PDFBox holds every glyph
 *                    of a page in memory (a few hundred bytes each) until the page ends
 * @param maxGlyphsPerIssue all pages together drawing more glyphs reject the issue ({@code TOO_LARGE})
 * @param timeLimit   a parse that takes longer, enrichment and event building included, is abandoned
 *                    ({@code TIMEOUT}); the PDF reader stops at its next content-stream operator
 * @param parseThreads how many parses may run at once, parses abandoned after the time limit that have not stopped
 *                    yet included; with all of them held, issues wait (retried with {@code parkworld.retry}
 *                    backoff) and readiness is down
 * @param version     recorded as {@code parserVersion} in every article
 * @param instanceId  names this instance in its Kafka {@code transactional.id}: stable across restarts of the same
 *                    instance (so the restarted one fences its zombie) and never shared by two live instances
 * @param output      what the parser checks before it publishes
 */
@Validated
@ConfigurationProperties("parkworld.parser")
public record ParserProperties(@Min(1) @DefaultValue("300") int maxPages,
        @NotNull @DefaultValue("100MB") DataSize maxFileSize, @Min(1) @DefaultValue("12") int maxFormDepth,
        @Min(1) @DefaultValue("5000") int maxFormsPerPage, @Min(1) @DefaultValue("50000") int maxGlyphsPerPage,
        @Min(1) @DefaultValue("1500000") long maxGlyphsPerIssue, @NotNull @DefaultValue("2m") Duration timeLimit,
        @Min(1) @DefaultValue("2") int parseThreads,
        @NotBlank @DefaultValue("0.1.0") String version,
        @NotBlank @DefaultValue("${HOSTNAME:local}") String instanceId, @Valid @DefaultValue Output output) {

    public PdfLimits limits() {
        return new PdfLimits(this.maxPages, this.maxFileSize.toBytes(), this.maxFormDepth, this.maxFormsPerPage,
                this.maxGlyphsPerPage, this.maxGlyphsPerIssue);
    }

    /**
     * What the parser checks before it publishes an issue.
     *
     * @param maxInvalidShare the share of an issue's articles (0 to 1) that may break the {@code ArticleExtracted}
     *                        schema and be left out (listed as warnings); more, and the whole issue is
     *                        dead-lettered as {@code INVALID_OUTPUT} instead of published half-empty
     * @param maxRecordSize   the largest record (value, key and headers) the parser sends; an issue with a larger
     *                        event is dead-lettered as {@code EVENT_TOO_LARGE} before anything of it is sent. Must
     *                        not exceed the producer's {@code max.request.size} (Kafka's default 1 MiB); the
     *                        default leaves room for Kafka's own per-record overhead
     */
    public record Output(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.1") double maxInvalidShare,
            @NotNull @DefaultValue("1000000B") DataSize maxRecordSize) {

        public OutputRules rules() {
            return new OutputRules(this.maxInvalidShare, this.maxRecordSize.toBytes());
        }
    }
}
