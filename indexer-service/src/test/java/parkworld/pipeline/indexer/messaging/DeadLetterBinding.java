package parkworld.pipeline.indexer.messaging;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.messaging.DeadLetterPublisher;

/**
 * The dead-letter output binding for unit tests: the real {@link DeadLetterPublisher} over a StreamBridge that records
 * what it is asked to send, or fails as Kafka would.
 */
final class DeadLetterBinding {

    static final Instant NOW = Instant.parse("2023-05-30T09:00:00Z");

    final List<Message<?>> sent = new ArrayList<>();

    private RuntimeException failure;

    DeadLetterPublisher publisher(MeterRegistry meters) {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(eq(MessagingConfiguration.DEAD_LETTER_BINDING), any())).thenAnswer(invocation -> {
            if (this.failure != null) {
                throw this.failure;
            }
            this.sent.add(invocation.getArgument(1));
            return true;
        });
        return new DeadLetterPublisher(bridge, MessagingConfiguration.DEAD_LETTER_BINDING, "indexer-service",
                Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    /** From now on every send throws this, as the binding's synchronous producer does when Kafka refuses. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    static String header(Message<?> deadLetter, String name) {
        Object value = deadLetter.getHeaders().get(name);
        return value == null ? null : new String((byte[]) value, StandardCharsets.UTF_8);
    }

    static String reason(Message<?> deadLetter) {
        return header(deadLetter, DeadLetterHeaders.REASON);
    }

    static byte[] key(Message<?> deadLetter) {
        return (byte[]) deadLetter.getHeaders().get(KafkaHeaders.KEY);
    }
}
