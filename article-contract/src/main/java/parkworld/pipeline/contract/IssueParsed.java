package parkworld.pipeline.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An issue was parsed and all its articles were published; published on {@link Topics#ISSUES_PARSED} with key
 * {@link #issueKey()}, after the last {@link ArticleExtracted} of the issue.
 *
 * @param schemaVersion      the version of this event's schema, {@link #SCHEMA_VERSION}
 * @param issueKey           the key of the {@link IssueFetched} this parse answers
 * @param issue              the issue
 * @param parsedAt           when this parse ran; equal to {@code parsedAt} of its articles
 * @param articleIds         the ids of the articles published, in issue order
 * @param articlesPerSection how many articles each section has, in issue order
 * @param warnings           what the parser noticed but could still handle, e.g. a TOC entry with no article; at
 *                           most {@link #MAX_WARNINGS}, the rest counted in {@code warningsOmitted}
 * @param quality            how much the parser trusts this parse; null in events of producers before 0.2.0
 * @param warningsOmitted    warnings the parser noticed but left out of {@code warnings} to keep the summary
 *                           bounded; 0 in events of producers before 0.3.0 (which never left any out)
 */
public record IssueParsed(int schemaVersion, String issueKey, IssueRef issue, Instant parsedAt,
        List<String> articleIds, Map<String, Integer> articlesPerSection, List<String> warnings, Quality quality,
        Integer warningsOmitted) {

    public static final int SCHEMA_VERSION = 1;

    public IssueParsed {
        // absent in events of earlier producers, which listed every warning
        warningsOmitted = warningsOmitted == null ? 0 : warningsOmitted;
    }

    /** The schema's bound on {@code warnings} ({@code maxItems}). */
    public static final int MAX_WARNINGS = 1000;

    /** A summary as producers before 0.3.0 described it: every warning listed. */
    public IssueParsed(int schemaVersion, String issueKey, IssueRef issue, Instant parsedAt, List<String> articleIds,
            Map<String, Integer> articlesPerSection, List<String> warnings, Quality quality) {
        this(schemaVersion, issueKey, issue, parsedAt, articleIds, articlesPerSection, warnings, quality, 0);
    }

    /** A summary as producers before 0.2.0 described it: no quality figures. */
    public IssueParsed(int schemaVersion, String issueKey, IssueRef issue, Instant parsedAt, List<String> articleIds,
            Map<String, Integer> articlesPerSection, List<String> warnings) {
        this(schemaVersion, issueKey, issue, parsedAt, articleIds, articlesPerSection, warnings, null);
    }

    /**
     * Quality figures of a parse. Below the parser's documented thresholds the parse is {@code degraded}: published,
     * but an operator should look at it (a new layout, most likely).
     *
     * @param tocEntries              entries in the table of contents (0 when none was found)
     * @param tocEntriesMatched       entries matched (fuzzily) to an article
     * @param tocMatchedShare         matched / entries, 1.0 when there is no table of contents
     * @param articlesWithoutSource   articles with no source attribution
     * @param tocArticlesPerSection   articles per section as the table of contents lists them
     * @param pagesWithUnassignedText physical page numbers holding text that went into no article, heading or TOC
     * @param degraded                true when a figure is below its threshold
     * @param degradedReasons         one line per figure below its threshold, empty when not degraded
     */
    public record Quality(int tocEntries, int tocEntriesMatched, double tocMatchedShare, int articlesWithoutSource,
            Map<String, Integer> tocArticlesPerSection, List<Integer> pagesWithUnassignedText, boolean degraded,
            List<String> degradedReasons) {
    }
}
