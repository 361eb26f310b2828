package parkworld.pipeline.contract;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON encoding of events, used by every service so producers and consumers agree byte for byte: ISO-8601
 * dates and instants, plain decimals, unknown properties tolerated on read (a newer minor version may add fields).
 */
public final class EventJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private EventJson() {
    }

    public static byte[] write(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Reads an event.
     *
     * @throws MalformedEventException when the bytes are not a valid event of that type
     */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new MalformedEventException("empty payload, expected a " + type.getSimpleName() + " event");
        }
        try {
            return MAPPER.readValue(json, type);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException(
                    "not a valid " + type.getSimpleName() + " event: " + ex.getOriginalMessage(), ex);
        }
    }
}
