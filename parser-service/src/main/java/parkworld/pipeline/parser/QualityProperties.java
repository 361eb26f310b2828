package parkworld.pipeline.parser;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import parkworld.pipeline.parser.structure.QualityRules;

/**
 * When a parse counts as degraded: it is published all the same, but counted in
 * {@code parkworld.parser.issues{outcome=degraded}}, logged with its reasons and marked in
 * {@code IssueParsed.quality}, so that an operator learns about a layout the parser does not read well. The
 * {@code parse} command exits with status 6 for such an issue.
 *
 * @param minTocMatchedShare            share (0 to 1) of the table-of-contents entries that must match an article
 *                                      found in the pages; an issue without a table of contents is not degraded
 *                                      by it
 * @param maxArticlesWithoutSourceShare share (0 to 1) of the articles that may end without a source attribution
 * @param maxPagesWithUnassignedText    pages that may hold text that went into no article, heading, cover or
 *                                      table of contents
 * @param maxArticlesWithoutText        titles that may be followed by no text (they are never published)
 */
@Validated
@ConfigurationProperties("parkworld.parser.quality")
public record QualityProperties(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.9") double minTocMatchedShare,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double maxArticlesWithoutSourceShare,
        @Min(0) @DefaultValue("2") int maxPagesWithUnassignedText,
        @Min(0) @DefaultValue("0") int maxArticlesWithoutText) {

    public QualityRules rules() {
        return new QualityRules(this.minTocMatchedShare, this.maxArticlesWithoutSourceShare,
                this.maxPagesWithUnassignedText, this.maxArticlesWithoutText);
    }
}
