package parkworld.pipeline.indexer.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.messaging.ConsumedRecord;

/** Consumed records for tests. */
final class Records {

    private Records() {
    }

    static ConsumedRecord of(long offset, byte[] payload) {
        return new ConsumedRecord("parkworld.articles", 0, offset, ("key-" + offset).getBytes(StandardCharsets.UTF_8),
                payload, Map.of("ce_type", "net.parkworld.article.extracted.v1".getBytes(StandardCharsets.UTF_8)));
    }

    static ConsumedRecord of(long offset, ArticleExtracted article) {
        return of(offset, EventJson.write(article));
    }

    static ConsumedRecord malformed(long offset) {
        return of(offset, "{\"articleId\":".getBytes(StandardCharsets.UTF_8));
    }
}
