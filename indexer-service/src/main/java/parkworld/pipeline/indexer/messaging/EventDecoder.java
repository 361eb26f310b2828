package parkworld.pipeline.indexer.messaging;

import java.util.List;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.MalformedEventException;

/**
 * Turns record bytes into an {@link ArticleExtracted}, accepting only payloads that conform to the published JSON
 * Schema: what the schema refuses would be refused by the strict index mapping too, or index garbage.
 */
class ArticleDecoder {

    /** At most this many schema violations are quoted in the explanation. */
    private static final int QUOTED_VIOLATIONS = 5;

    /**
     * @param payload the record value
     * @return the event
     * @throws MalformedEventException when the payload is empty, not JSON or not a valid {@code ArticleExtracted}
     */
    ArticleExtracted decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return EventJson.read(payload, ArticleExtracted.class); // throws, saying what was expected
        }
        List<String> violations = EventType.ARTICLE_EXTRACTED.violations(payload);
        if (!violations.isEmpty()) {
            String quoted = String.join("; ", violations.subList(0, Math.min(QUOTED_VIOLATIONS, violations.size())));
            throw new MalformedEventException("not a valid ArticleExtracted event (" + violations.size()
                    + " schema violations): " + quoted);
        }
        return EventJson.read(payload, ArticleExtracted.class);
    }
}
