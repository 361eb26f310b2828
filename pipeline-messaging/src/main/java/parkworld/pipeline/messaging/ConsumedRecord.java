package parkworld.pipeline.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A record as it was consumed: where it came from and its key, value and Kafka headers byte for byte, which is what a
 * dead letter keeps.
 *
 * @param topic     where it came from
 * @param partition its partition
 * @param offset    its offset
 * @param key       its key bytes, null when it has none
 * @param value     its value bytes, null for a tombstone
 * @param headers   its Kafka headers in order (a repeated header keeps its last value)
 */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value,
        Map<String, byte[]> headers) {

    /** Message headers Spring adds on the way in; everything else came from the Kafka record. */
    private static final String SPRING_KAFKA_PREFIX = KafkaHeaders.PREFIX;

    public ConsumedRecord {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** From the raw record, e.g. in a container's error handler or recoverer. */
    public static ConsumedRecord of(ConsumerRecord<?, ?> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(), bytes(record.key()),
                bytes(record.value()), headers);
    }

    /**
     * From a message the Kafka binder delivered to a function with native decoding. The binder maps each Kafka header
     * to a message header of the same name (raw bytes) and adds its own under {@code kafka_}; those and Spring's
     * {@code id}, {@code timestamp}, {@code contentType}, {@code deliveryAttempt} and {@code scst_*} are left out.
     */
    public static ConsumedRecord of(Message<byte[]> message) {
        MessageHeaders in = message.getHeaders();
        Map<String, byte[]> headers = new LinkedHashMap<>();
        in.forEach((name, value) -> {
            if (!name.startsWith(SPRING_KAFKA_PREFIX) && !name.equals(MessageHeaders.ID)
                    && !name.equals(MessageHeaders.TIMESTAMP) && !name.equals(MessageHeaders.CONTENT_TYPE)
                    && !name.equals("deliveryAttempt") && !name.startsWith("scst_") && value != null) {
                headers.put(name, bytes(value));
            }
        });
        Object topic = in.get(KafkaHeaders.RECEIVED_TOPIC);
        return new ConsumedRecord(topic == null ? "unknown" : topic.toString(), number(in.get(KafkaHeaders.RECEIVED_PARTITION)).intValue(),
                number(in.get(KafkaHeaders.OFFSET)).longValue(), bytes(in.get(KafkaHeaders.RECEIVED_KEY)),
                message.getPayload(), headers);
    }

    /** A header as UTF-8 text, or null. */
    public String header(String name) {
        byte[] value = this.headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** @return {@code topic-partition@offset}, for logs and messages */
    public String coordinates() {
        return this.topic + "-" + this.partition + "@" + this.offset;
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : -1;
    }

    static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
