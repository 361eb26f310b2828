package parkworld.pipeline.parser.structure;

import java.util.List;

/**
 * The structure of one issue.
 *
 * @param metadata what the cover says
 * @param articles the articles in print order
 * @param warnings everything that did not fit the expected layout but did not prevent parsing:
 *        unreadable pages, table-of-contents mismatches, ignored text; one line each
 * @param pageCount number of pages of the PDF
 */
public record ParsedIssue(IssueMetadata metadata, List<ParsedArticle> articles, List<String> warnings,
        int pageCount) {

    public ParsedIssue {
        articles = List.copyOf(articles);
        warnings = List.copyOf(warnings);
    }
}
