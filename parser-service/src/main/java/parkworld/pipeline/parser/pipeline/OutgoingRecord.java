package parkworld.pipeline.parser.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import parkworld.pipeline.contract.EventType;

/**
 * One Kafka record exactly as it will be sent: serialised and checked before anything of its issue is published,
 * so the publisher only transports bytes.
 *
 * @param type    the event in the value, which also says the topic
 * @param key     the record key (article id or issue key)
 * @param value   the event as JSON
 * @param headers the CloudEvents headers, in order
 */
public record OutgoingRecord(EventType type, String key, byte[] value, Map<String, String> headers) {

    public OutgoingRecord {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The key as the bytes sent. */
    public byte[] keyBytes() {
        return this.key.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Bytes of value, key and headers (names and values), which is what the producer's {@code max.request.size}
     * bounds apart from Kafka's own few dozen bytes of framing per record.
     */
    public long serializedSize() {
        long size = this.value.length + (long) keyBytes().length;
        for (Map.Entry<String, String> header : this.headers.entrySet()) {
            size += header.getKey().getBytes(StandardCharsets.UTF_8).length
                    + header.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
