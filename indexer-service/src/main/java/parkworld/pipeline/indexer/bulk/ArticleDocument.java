package parkworld.pipeline.indexer.bulk;

import java.time.Instant;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.indexer.document.SearchDocument;

/**
 * One article as an Elasticsearch bulk item.
 *
 * @param id          the document id: the article id, so re-sent events overwrite instead of duplicating
 * @param version     the external version: {@code parsedAt} in epoch milliseconds, so a later parse supersedes an
 *                    earlier one and a late, older event is ignored
 * @param issueSerial the issue the article belongs to, for logs
 * @param source      the document body: the article's {@link SearchDocument} as JSON
 */
public record ArticleDocument(String id, long version, int issueSerial, byte[] source) {

    /**
     * @param article a decoded, valid event
     * @return its document
     */
    public static ArticleDocument of(ArticleExtracted article) {
        // EventJson: the contract's encoding, so amounts stay exact (BigDecimal written as plain numbers).
        return new ArticleDocument(article.articleId(), versionOf(article.parsedAt()), article.issue().serial(),
                EventJson.write(SearchDocument.of(article)));
    }

    /**
     * @param parsedAt when the parse ran
     * @return the external version for it
     */
    public static long versionOf(Instant parsedAt) {
        return parsedAt.toEpochMilli();
    }
}
