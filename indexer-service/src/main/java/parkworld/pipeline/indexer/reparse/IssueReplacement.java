package parkworld.pipeline.indexer.reparse;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.bulk.ArticleDocument;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchFailures;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * Makes a parse of an issue replace the earlier ones: the documents of the same issue (by serial: two renders of one
 * issue under two issue keys are one issue) that an older parse wrote and this parse no longer contains are deleted.
 * <p>
 * Safe whatever the order between the topics and whatever arrives late:
 * <ul>
 * <li>only documents with a {@code parsedAt} before this parse's are selected, so an older parse arriving after a
 * newer one never touches what the newer one wrote;</li>
 * <li>each delete is versioned with this parse's {@code parsedAt} ({@code external_gte}; articles are indexed
 * {@code external}): a document a newer parse rewrote between the search and the delete is refused with a version
 * conflict and kept; the delete leaves a tombstone of that version, so a late article event of an older parse cannot bring the document back
 * while Elasticsearch keeps tombstones ({@code index.gc_deletes} in the mapping);</li>
 * <li>the articles this parse contains are not touched: their events overwrite them, before or after this.</li>
 * </ul>
 */
public class IssueReplacement {

    private static final Logger log = LoggerFactory.getLogger(IssueReplacement.class);

    /** Documents fetched per search page and deleted per bulk request. */
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final String target;
    private final Counter removed;
    private final java.time.Duration timeout;

    /**
     * @param client the client
     * @param target the concrete, versioned index articles are written to
     * @param meters  where removed documents are counted
     * @param timeout how long Elasticsearch may wait for unavailable shards before failing a delete
     *                ({@code parkworld.indexer.bulk.timeout}, the same as for indexing)
     */
    public IssueReplacement(ElasticsearchClient client, String target, MeterRegistry meters,
            java.time.Duration timeout) {
        this.client = client;
        this.target = target;
        this.timeout = timeout;
        this.removed = Counter.builder(PipelineMeters.INDEXER_ARTICLES_REMOVED)
            .description("Documents deleted because a later parse of their issue no longer contains them")
            .register(meters);
    }

    /**
     * Makes every document indexed so far visible to the searches of {@link #replace}: a search sees only refreshed
     * documents, so without it an older parse's articles indexed within the last refresh interval (just before the
     * summary) would escape. Called once per batch of summaries, before the first {@link #replace}: one refresh per
     * summary was a new Lucene segment per issue during a backfill, more refreshes than the index's own interval.
     *
     * @throws ElasticsearchUnavailableException when Elasticsearch failed to answer; retry
     */
    public void refresh() {
        try {
            this.client.indices().refresh(r -> r.index(this.target));
        }
        catch (IOException | ElasticsearchException ex) {
            throw new ElasticsearchUnavailableException("cannot refresh " + this.target + ": "
                    + ElasticsearchFailures.describe(ex), ex);
        }
    }

    /**
     * @param parse a parse of an issue, all of whose articles were published; {@link #refresh} was called since they
     *              were indexed
     * @return what became of the documents this parse superseded
     * @throws ElasticsearchUnavailableException when Elasticsearch failed to answer or to delete; retry
     */
    public Replacement replace(IssueParsed parse) {
        try {
            List<String> superseded = superseded(parse);
            int deleted = 0;
            int newer = 0;
            for (int start = 0; start < superseded.size(); start += PAGE) {
                List<String> chunk = superseded.subList(start, Math.min(superseded.size(), start + PAGE));
                Replacement part = delete(chunk, ArticleDocument.versionOf(parse.parsedAt()));
                deleted += part.removed();
                newer += part.keptAsNewer();
            }
            this.removed.increment(deleted);
            if (!superseded.isEmpty()) {
                log.info("Issue re-parsed: issueSerial={} issueKey={} parsedAt={} removed={} keptAsNewer={} "
                        + "removedIds={}", parse.issue().serial(), parse.issueKey(), parse.parsedAt(), deleted, newer,
                        superseded);
            }
            return new Replacement(deleted, newer);
        }
        catch (IOException | ElasticsearchException ex) {
            throw new ElasticsearchUnavailableException("cannot replace issue " + parse.issue().serial() + " in "
                    + this.target + ": " + ElasticsearchFailures.describe(ex), ex);
        }
    }

    /** Ids of the documents of the issue written by an older parse that this one does not contain. */
    private List<String> superseded(IssueParsed parse) throws IOException {
        List<FieldValue> kept = parse.articleIds().stream().map(FieldValue::of).toList();
        List<String> ids = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> page = this.client.search(s -> {
                s.index(this.target)
                    .size(PAGE)
                    .source(src -> src.fetch(false))
                    .sort(sort -> sort.field(f -> f.field("articleId").order(SortOrder.Asc)))
                    .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("issue.serial").value(parse.issue().serial())))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("parsedAt")
                            .lt(JsonData.of(parse.parsedAt().toString())))))
                        .mustNot(m -> m.terms(t -> t.field("articleId").terms(v -> v.value(kept))))));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Void.class);
            List<Hit<Void>> hits = page.hits().hits();
            hits.forEach(hit -> ids.add(hit.id()));
            if (hits.size() < PAGE) {
                return ids;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private Replacement delete(List<String> ids, long version) throws IOException {
        List<BulkOperation> operations = ids.stream()
            .map(id -> BulkOperation.of(op -> op.delete(d -> d.index(this.target)
                .id(id)
                .version(version)
                .versionType(VersionType.ExternalGte))))
            .toList();
        BulkResponse response = this.client.bulk(b -> b.timeout(Time.of(t -> t.time(this.timeout.toMillis() + "ms"))).operations(operations));
        int deleted = 0;
        int newer = 0;
        Map<String, Integer> failures = new TreeMap<>();
        for (BulkResponseItem item : response.items()) {
            String type = item.error() == null ? null : item.error().type();
            if (item.status() == 200 || item.status() == 404 && type == null) {
                // 404: gone meanwhile (an earlier attempt of this very delete); the tombstone is written all the same
                deleted += item.status() == 200 ? 1 : 0;
            }
            else if (item.status() == 409 && "version_conflict_engine_exception".equals(type)) {
                newer++;
            }
            else {
                failures.merge(item.status() + " " + type, 1, Integer::sum);
            }
        }
        if (!failures.isEmpty()) {
            throw new ElasticsearchUnavailableException("deleting superseded articles from " + this.target
                    + " failed for now: " + failures);
        }
        return new Replacement(deleted, newer);
    }

    /**
     * What a parse did to the documents it superseded.
     *
     * @param removed     documents deleted
     * @param keptAsNewer documents a newer parse had rewritten meanwhile, left as they are
     */
    public record Replacement(int removed, int keptAsNewer) {
    }
}
