package parkworld.pipeline.contract;

/**
 * Headers of a dead-letter record. Its value is the original payload, byte for byte, so nothing is lost; these
 * headers say why it could not be handled and where it came from.
 */
public final class DeadLetterHeaders {

    /** A reason code such as {@code NOT_PDF} or {@code MALFORMED_EVENT}. */
    public static final String REASON = "parkworld_dlq_reason";
    /** A one-line human-readable explanation. */
    public static final String MESSAGE = "parkworld_dlq_message";
    /** The service that gave up on the record, e.g. {@code parser-service}. */
    public static final String SERVICE = "parkworld_dlq_service";
    public static final String ORIGINAL_TOPIC = "parkworld_dlq_original_topic";
    public static final String ORIGINAL_PARTITION = "parkworld_dlq_original_partition";
    public static final String ORIGINAL_OFFSET = "parkworld_dlq_original_offset";
    public static final String FAILED_AT = "parkworld_dlq_failed_at";

    private DeadLetterHeaders() {
    }
}
