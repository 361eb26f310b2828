package parkworld.pipeline.indexer.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Reads the records of a batch as the Kafka binder delivers it in batch mode: one message whose payload is the list
 * of record values and whose Kafka headers are lists in the same order (topic, partition, offset, key, and each
 * record's own headers).
 */
public final class KafkaBatch {

    /** The headers copied from an incoming record onto its dead letter. */
    static final String CLOUD_EVENTS_PREFIX = "ce_";
    static final String CONTENT_TYPE = "content-type";

    private KafkaBatch() {
    }

    /**
     * @param batch the batch message
     * @return its records, in order
     */
    public static List<IncomingRecord> records(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> recordHeaders = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<IncomingRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Object topic = at(topics, i);
            Object partition = at(partitions, i);
            Object offset = at(offsets, i);
            records.add(new IncomingRecord(topic != null ? topic.toString() : "unknown",
                    partition instanceof Number n ? n.intValue() : -1, offset instanceof Number n ? n.longValue() : -1,
                    bytes(at(keys, i)), payloads.get(i), cloudEventHeaders(at(recordHeaders, i))));
        }
        return records;
    }

    private static Map<String, byte[]> cloudEventHeaders(Object converted) {
        Map<String, byte[]> copied = new LinkedHashMap<>();
        if (converted instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                String header = String.valueOf(name);
                if ((header.startsWith(CLOUD_EVENTS_PREFIX) || header.equals(CONTENT_TYPE)) && value != null) {
                    copied.put(header, bytes(value));
                }
            });
        }
        return copied;
    }

    private static List<?> list(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> list ? list : List.of();
    }

    private static Object at(List<?> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
