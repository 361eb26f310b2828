package parkworld.pipeline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.PipelineMeters;

class DeadLetterPublisherTests {

    private final StreamBridge bridge = mock(StreamBridge.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetterPublisher publisher = new DeadLetterPublisher(this.bridge, "x-out-0", "parser-service",
            Clock.fixed(Instant.parse("2026-12-02T05:00:00Z"), ZoneOffset.UTC), this.meters);

    private static ConsumedRecord record() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("ce_subject", "issue-121".getBytes(StandardCharsets.UTF_8));
        headers.put("binary", new byte[] { 0, (byte) 0xff, 7 });
        return new ConsumedRecord("parkworld.issues.fetched", 2, 41, "issue-121".getBytes(StandardCharsets.UTF_8),
                new byte[] { '{', 1, 2, '}' }, headers);
    }

    @Test
    void keepsKeyValueAndHeadersByteForByteAndAddsWhy() {
        AtomicReference<Message<?>> sent = new AtomicReference<>();
        when(this.bridge.send(eq("x-out-0"), any(Object.class))).thenAnswer(call -> {
            sent.set(call.getArgument(1));
            return true;
        });
        this.publisher.publish(record(), DeadLetterReason.NOT_PDF, "no %PDF- header\nin the first 1024 bytes", "issue-121");

        Message<?> message = sent.get();
        assertThat((byte[]) message.getPayload()).containsExactly('{', 1, 2, '}');
        assertThat((byte[]) message.getHeaders().get(KafkaHeaders.KEY)).asString(StandardCharsets.UTF_8).isEqualTo("issue-121");
        assertThat((byte[]) message.getHeaders().get("binary")).containsExactly(0, (byte) 0xff, 7);
        assertThat(text(message, DeadLetterHeaders.REASON)).isEqualTo("NOT_PDF");
        assertThat(text(message, DeadLetterHeaders.MESSAGE)).isEqualTo("no %PDF- header in the first 1024 bytes");
        assertThat(text(message, DeadLetterHeaders.SERVICE)).isEqualTo("parser-service");
        assertThat(text(message, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("parkworld.issues.fetched");
        assertThat(text(message, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(text(message, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("41");
        assertThat(text(message, DeadLetterHeaders.FAILED_AT)).isEqualTo("2026-12-02T05:00:00Z");
        assertThat(this.meters.get(PipelineMeters.DEAD_LETTERS).tag("reason", "NOT_PDF").counter().count()).isEqualTo(1);
    }

    @Test
    void failsWhenTheBindingRefusesSoTheRecordIsNotCommitted() {
        when(this.bridge.send(eq("x-out-0"), any(Object.class))).thenReturn(false);
        assertThatThrownBy(() -> this.publisher.publish(record(), DeadLetterReason.DAMAGED, "truncated", null))
            .isInstanceOf(DeadLetterPublisher.DeadLetterPublishException.class)
            .hasMessageContaining("parkworld.issues.fetched-2@41");
        assertThat(this.meters.find(PipelineMeters.DEAD_LETTERS).counter()).isNull();
    }

    @Test
    void countsADeadLetterSentInATransactionOnlyOnceItCommitted() {
        when(this.bridge.send(eq("x-out-0"), any(Object.class))).thenReturn(true);
        org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        try {
            this.publisher.publish(record(), DeadLetterReason.TIMEOUT, "took longer than 2m", "issue-121");
            assertThat(this.meters.get(PipelineMeters.DEAD_LETTERS).counter().count()).as("before commit").isZero();
            org.springframework.transaction.support.TransactionSynchronizationManager.getSynchronizations()
                .forEach(org.springframework.transaction.support.TransactionSynchronization::afterCommit);
        }
        finally {
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(this.meters.get(PipelineMeters.DEAD_LETTERS).counter().count()).as("after commit").isEqualTo(1);
    }

    private static String text(Message<?> message, String header) {
        return new String((byte[]) message.getHeaders().get(header), StandardCharsets.UTF_8);
    }
}
