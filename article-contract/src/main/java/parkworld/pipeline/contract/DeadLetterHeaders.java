package parkworld.pipeline.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers of a dead-letter record. A dead letter keeps the original record's key, value and headers byte for byte,
 * so nothing is lost and it can be replayed as it was; these headers, all UTF-8 strings, say why it could not be
 * handled and where it came from. They are the only headers starting with {@value #PREFIX}.
 */
public final class DeadLetterHeaders {

    /** Every dead-letter header starts with this; replaying a record removes them. */
    public static final String PREFIX = "parkworld_dlq_";

    /** A {@link DeadLetterReason} name such as {@code NOT_PDF} or {@code MALFORMED_EVENT}. */
    public static final String REASON = PREFIX + "reason";
    /**
     * A one-line explanation of at most {@link #MAX_MESSAGE_LENGTH} characters. It describes the input without
     * quoting it: the payload is in the record, and a message must not leak the content of whatever file an event
     * pointed at.
     */
    public static final String MESSAGE = PREFIX + "message";
    /** The service that gave up on the record, e.g. {@code parser-service}. */
    public static final String SERVICE = PREFIX + "service";
    public static final String ORIGINAL_TOPIC = PREFIX + "original_topic";
    public static final String ORIGINAL_PARTITION = PREFIX + "original_partition";
    public static final String ORIGINAL_OFFSET = PREFIX + "original_offset";
    /** ISO-8601 instant. */
    public static final String FAILED_AT = PREFIX + "failed_at";

    /**
     * Set on a record the dead-letter command re-published to its original topic: {@code topic-partition@offset} of
     * the dead letter it came from, so a consumer's logs can tell a replay from the first delivery.
     */
    public static final String REPLAYED_FROM = "parkworld_replayed_from";

    /** Longest {@link #MESSAGE}; Elasticsearch reasons can quote whole documents. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    private DeadLetterHeaders() {
    }

    /**
     * The dead-letter headers for one record, in a stable order.
     *
     * @param reason    why
     * @param message   why, in words; made one line and bounded by {@link #oneLine}
     * @param service   the service giving up
     * @param topic     where the record was read from
     * @param partition its partition
     * @param offset    its offset
     * @param failedAt  when
     */
    public static Map<String, String> of(DeadLetterReason reason, String message, String service, String topic,
            int partition, long offset, Instant failedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REASON, reason.name());
        headers.put(MESSAGE, oneLine(message));
        headers.put(SERVICE, service);
        headers.put(ORIGINAL_TOPIC, topic);
        headers.put(ORIGINAL_PARTITION, Integer.toString(partition));
        headers.put(ORIGINAL_OFFSET, Long.toString(offset));
        headers.put(FAILED_AT, failedAt.toString());
        return headers;
    }

    /** @return the message on one line, at most {@link #MAX_MESSAGE_LENGTH} characters, never null */
    public static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() <= MAX_MESSAGE_LENGTH ? line : line.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    /** @return true for the headers this class defines, which a replay strips */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith(PREFIX);
    }
}
