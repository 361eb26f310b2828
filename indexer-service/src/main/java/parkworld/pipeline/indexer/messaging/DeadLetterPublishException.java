package parkworld.pipeline.indexer.messaging;

/** A dead letter was not acknowledged by Kafka; the batch it came from must be retried. */
public class DeadLetterPublishException extends RuntimeException {

    public DeadLetterPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
