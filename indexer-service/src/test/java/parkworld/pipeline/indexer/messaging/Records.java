package parkworld.pipeline.indexer.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;

/** Incoming records for tests. */
final class Records {

    private Records() {
    }

    static IncomingRecord of(long offset, byte[] payload) {
        return new IncomingRecord("parkworld.articles", 0, offset, ("key-" + offset).getBytes(StandardCharsets.UTF_8),
                payload, Map.of("ce_type", "net.parkworld.article.extracted.v1".getBytes(StandardCharsets.UTF_8)));
    }

    static IncomingRecord of(long offset, ArticleExtracted article) {
        return of(offset, EventJson.write(article));
    }

    static IncomingRecord malformed(long offset) {
        return of(offset, "{\"articleId\":".getBytes(StandardCharsets.UTF_8));
    }
}
