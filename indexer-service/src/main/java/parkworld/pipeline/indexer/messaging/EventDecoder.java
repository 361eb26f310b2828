package parkworld.pipeline.indexer.messaging;

import java.util.List;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.MalformedEventException;

/**
 * Turns record bytes into an event, accepting only payloads that conform to the event's published JSON Schema: what
 * the schema refuses would be refused by the strict index mapping too, or index garbage.
 *
 * @param <T> the event's record type
 */
final class EventDecoder<T> {

    /** At most this many schema violations are quoted in the explanation. */
    private static final int QUOTED_VIOLATIONS = 5;

    private final EventType type;
    private final Class<T> eventClass;

    private EventDecoder(EventType type, Class<T> eventClass) {
        this.type = type;
        this.eventClass = eventClass;
    }

    /** @return a decoder of the articles topic's {@code ArticleExtracted} */
    static EventDecoder<ArticleExtracted> articles() {
        return new EventDecoder<>(EventType.ARTICLE_EXTRACTED, ArticleExtracted.class);
    }

    /** @return a decoder of the issues-parsed topic's {@code IssueParsed} */
    static EventDecoder<IssueParsed> issuesParsed() {
        return new EventDecoder<>(EventType.ISSUE_PARSED, IssueParsed.class);
    }

    /**
     * @param payload the record value
     * @return the event
     * @throws MalformedEventException when the payload is empty, not JSON or not valid by the event's schema
     */
    T decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return EventJson.read(payload, this.eventClass); // throws, saying what was expected
        }
        List<String> violations = this.type.violations(payload);
        if (!violations.isEmpty()) {
            String quoted = String.join("; ", violations.subList(0, Math.min(QUOTED_VIOLATIONS, violations.size())));
            throw new MalformedEventException("not a valid " + this.eventClass.getSimpleName() + " event ("
                    + violations.size() + " schema violations): " + quoted);
        }
        return EventJson.read(payload, this.eventClass);
    }
}
