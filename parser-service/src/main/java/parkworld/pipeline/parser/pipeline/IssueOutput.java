package parkworld.pipeline.parser.pipeline;

import java.util.List;
import parkworld.pipeline.parser.publish.IssueEvents;

/**
 * What is published for one issue, checked: every record conforms to its schema and fits the size limit.
 *
 * @param events          the events published (articles that broke their schema left out, and listed in the
 *                        summary's warnings)
 * @param articles        the article records, in issue order
 * @param summary         the {@code IssueParsed} record, sent after the articles
 * @param invalidArticles how many articles were left out
 */
public record IssueOutput(IssueEvents events, List<OutgoingRecord> articles, OutgoingRecord summary,
        int invalidArticles) {

    public IssueOutput {
        articles = List.copyOf(articles);
    }
}
