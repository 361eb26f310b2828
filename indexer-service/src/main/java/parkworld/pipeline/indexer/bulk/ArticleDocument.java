package parkworld.pipeline.indexer.bulk;

import java.time.Instant;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.indexer.mapping.MappedFields;

/**
 * One article as an Elasticsearch document.
 *
 * @param id          the document id: the article id, so re-sent events overwrite instead of duplicating
 * @param version     the external version: {@code parsedAt} in epoch milliseconds, so a later parse supersedes an
 *                    earlier one and a late, older event is ignored
 * @param issueSerial the issue the article belongs to, for logs
 * @param source      the document body: the event's JSON in the contract encoding, restricted to the fields the
 *                    index mapping declares
 */
public record ArticleDocument(String id, long version, int issueSerial, byte[] source) {

    /**
     * @param article a decoded, valid event
     * @return its document; fields a newer minor contract version added are left out, since the mapping is strict
     */
    public static ArticleDocument of(ArticleExtracted article) {
        return new ArticleDocument(article.articleId(), versionOf(article.parsedAt()), article.issue().serial(),
                MappedFields.V1.restrict(EventJson.write(article)));
    }

    /**
     * @param parsedAt when the parse ran
     * @return the external version for it
     */
    public static long versionOf(Instant parsedAt) {
        return parsedAt.toEpochMilli();
    }
}
