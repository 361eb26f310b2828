package parkworld.pipeline.indexer.bulk;

import java.util.List;

/**
 * What became of a batch of articles once Elasticsearch acknowledged every one of them.
 *
 * @param indexed    articles now in the index
 * @param stale      articles ignored because the index holds a later parse of them
 * @param rejections articles Elasticsearch refused for their content
 */
public record BulkResult(int indexed, int stale, List<Rejection> rejections) {

    public static final BulkResult EMPTY = new BulkResult(0, 0, List.of());

    public BulkResult {
        rejections = List.copyOf(rejections);
    }
}
