package parkworld.pipeline.messaging;

import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Tells failures that a retry can fix from those it cannot. The rule of the pipeline: what depends on the record
 * (its size, its bytes, its content) is permanent and dead-lettered at once with its own reason; what depends on the
 * environment (a broker, Elasticsearch, the network, credentials being rotated) is transient and retried without
 * limit, because dead-lettering every record during an outage would empty the topic into the dead-letter topic.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * @param failure what a send or a handler threw
     * @return the dead-letter reason when retrying cannot help, empty when the failure is transient
     */
    public static Optional<DeadLetterReason> permanentReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PermanentFailure permanent) {
                return Optional.of(permanent.reason());
            }
            if (cause instanceof RecordTooLargeException) {
                return Optional.of(DeadLetterReason.EVENT_TOO_LARGE);
            }
            if (cause instanceof SerializationException) {
                return Optional.of(DeadLetterReason.MALFORMED_EVENT);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** A failure that depends on the record only, with the reason it is dead-lettered under. */
    public static class PermanentFailure extends RuntimeException {

        private final DeadLetterReason reason;

        public PermanentFailure(DeadLetterReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public PermanentFailure(DeadLetterReason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public DeadLetterReason reason() {
            return this.reason;
        }
    }
}
