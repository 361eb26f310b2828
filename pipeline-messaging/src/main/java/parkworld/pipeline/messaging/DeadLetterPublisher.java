package parkworld.pipeline.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.PipelineMeters;

/**
 * The one way a service parks a record it can never handle: the original key, value and headers byte for byte plus
 * {@link DeadLetterHeaders}, sent through a StreamBridge output binding whose producer is synchronous
 * ({@code producer.sync: true}), so a return means the broker has it. When the service runs Kafka transactions
 * and this is called on the consumer thread, the dead letter joins the transaction that commits the consumed offset:
 * the record is either dead-lettered and committed, or neither. Each dead letter is counted in
 * {@link PipelineMeters#DEAD_LETTERS} (in a transaction: once it committed) and logged in one line.
 */
public class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final StreamBridge streamBridge;
    private final String binding;
    private final String service;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param streamBridge sends to the binding
     * @param binding      the output binding of the dead-letter topic, e.g. {@code parserDeadLetter-out-0}; configure
     *                     it with {@code use-native-encoding: true} and {@code sync: true}
     * @param service      this service's name, the {@code parkworld_dlq_service} header
     * @param clock        gives {@code parkworld_dlq_failed_at}
     * @param meters       where dead letters are counted
     */
    public DeadLetterPublisher(StreamBridge streamBridge, String binding, String service, Clock clock,
            MeterRegistry meters) {
        this.streamBridge = streamBridge;
        this.binding = binding;
        this.service = service;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Publishes one dead letter and returns once the broker acknowledged it (or, in a transaction, once it is part
     * of it).
     *
     * @param record  what was consumed
     * @param reason  why it can never be handled
     * @param message why, in words that describe the input without quoting it
     * @param subject the issue key or article id the record is about, for the log line; null when unknown
     * @throws DeadLetterPublishException when the binding refused it or Kafka did not acknowledge it: the caller
     *         must not commit the record
     */
    public void publish(ConsumedRecord record, DeadLetterReason reason, String message, String subject) {
        MessageBuilder<Object> builder = MessageBuilder.withPayload(record.value() == null ? KafkaNull.INSTANCE
                : (Object) record.value());
        // Byte arrays pass the binder's header mapper untouched, so the original headers stay byte for byte.
        record.headers().forEach((name, value) -> {
            if (!DeadLetterHeaders.isDeadLetterHeader(name)) {
                builder.setHeader(name, value);
            }
        });
        DeadLetterHeaders.of(reason, message, this.service, record.topic(), record.partition(), record.offset(),
                this.clock.instant())
            .forEach((name, value) -> builder.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        if (record.key() != null) {
            builder.setHeader(KafkaHeaders.KEY, record.key());
        }
        boolean sent;
        try {
            sent = this.streamBridge.send(this.binding, builder.build());
        }
        catch (RuntimeException ex) {
            throw new DeadLetterPublishException("could not dead-letter " + record.coordinates() + " (" + reason
                    + ") through " + this.binding + ": " + ex, ex);
        }
        if (!sent) {
            throw new DeadLetterPublishException("binding " + this.binding + " refused the dead letter of "
                    + record.coordinates() + " (" + reason + ")", null);
        }
        Counter counter = Counter.builder(PipelineMeters.DEAD_LETTERS)
            .description("Records dead-lettered because they can never be handled")
            .tag(PipelineMeters.TAG_REASON, reason.name())
            .register(this.meters);
        // In a transaction the dead letter exists only once it commits; an aborted attempt must not be counted.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        }
        else {
            counter.increment();
        }
        log.warn("Dead-lettered {} reason={} subject={} message={}", record.coordinates(), reason,
                subject == null ? "-" : subject, DeadLetterHeaders.oneLine(message));
    }

    /** The dead letter could not be stored: the record must be retried, not committed. */
    public static final class DeadLetterPublishException extends RuntimeException {

        DeadLetterPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
