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
 * @param warnings           what the parser noticed but could still handle, e.g. a TOC entry with no article
 */
public record IssueParsed(int schemaVersion, String issueKey, IssueRef issue, Instant parsedAt,
        List<String> articleIds, Map<String, Integer> articlesPerSection, List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;
}
