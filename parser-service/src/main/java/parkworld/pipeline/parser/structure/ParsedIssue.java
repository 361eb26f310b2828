package parkworld.pipeline.parser.structure;

import java.util.List;

import parkworld.pipeline.contract.IssueParsed;

/**
 * The structure of one issue.
 *
 * @param metadata what the cover says
 * @param articles the articles in print order
 * @param warnings everything that did not fit the expected layout but did not prevent parsing:
 *        unreadable pages, table-of-contents mismatches, ignored text; one line each
 * @param pageCount number of pages of the PDF
 * @param quality how far the parser trusts this structure, and whether it is degraded ({@link QualityRules});
 *        null for an issue not assembled by the parser
 */
public record ParsedIssue(IssueMetadata metadata, List<ParsedArticle> articles, List<String> warnings,
        int pageCount, IssueParsed.Quality quality) {

    public ParsedIssue {
        articles = List.copyOf(articles);
        warnings = List.copyOf(warnings);
    }

    /** An issue without quality figures. */
    public ParsedIssue(IssueMetadata metadata, List<ParsedArticle> articles, List<String> warnings, int pageCount) {
        this(metadata, articles, warnings, pageCount, null);
    }
}
