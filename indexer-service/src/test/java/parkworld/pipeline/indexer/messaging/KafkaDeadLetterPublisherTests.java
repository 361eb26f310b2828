package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.DeadLetterHeaders;

class KafkaDeadLetterPublisherTests {

    static final Instant NOW = Instant.parse("2023-05-30T09:00:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    KafkaDeadLetterPublisher publisher(MockProducer<byte[], byte[]> producer) {
        return new KafkaDeadLetterPublisher(producer, "parkworld.indexer.dlq", Duration.ofSeconds(5), "indexer-service",
                Clock.fixed(NOW, ZoneOffset.UTC), this.meters);
    }

    static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void publishesOriginalBytesWithReasonAndOrigin() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        IncomingRecord source = Records.malformed(42);

        publisher(producer).publish(List.of(new DeadLetter(source, DeadLetterReason.MALFORMED_EVENT,
                "not a valid ArticleExtracted event:\n  unexpected end", null)));

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("parkworld.indexer.dlq");
            assertThat(record.value()).as("the original payload, byte for byte").isEqualTo(source.payload());
            assertThat(record.key()).isEqualTo(source.key());
            assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo("MALFORMED_EVENT");
            assertThat(header(record, DeadLetterHeaders.MESSAGE)).as("one line")
                .isEqualTo("not a valid ArticleExtracted event: unexpected end");
            assertThat(header(record, DeadLetterHeaders.SERVICE)).isEqualTo("indexer-service");
            assertThat(header(record, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("parkworld.articles");
            assertThat(header(record, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
            assertThat(header(record, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("42");
            assertThat(header(record, DeadLetterHeaders.FAILED_AT)).isEqualTo("2023-05-30T09:00:00Z");
            assertThat(header(record, "ce_type")).as("CloudEvents headers of the original are kept")
                .isEqualTo("net.parkworld.article.extracted.v1");
        });
        assertThat(this.meters.counter(KafkaDeadLetterPublisher.DEAD_LETTERS_METER, "reason", "MALFORMED_EVENT")
            .count()).isEqualTo(1);
    }

    @Test
    void throwsWhenKafkaDoesNotAcknowledge() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaDeadLetterPublisher publisher = publisher(producer);
        List<DeadLetter> deadLetters = List.of(
                new DeadLetter(Records.malformed(1), DeadLetterReason.MALFORMED_EVENT, "bad", null));

        CompletableFuture<Void> published = CompletableFuture.runAsync(() -> publisher.publish(deadLetters));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("Expiring 1 record(s) for parkworld.indexer.dlq-0"));

        assertThatThrownBy(published::join).hasCauseInstanceOf(DeadLetterPublishException.class)
            .hasMessageContaining("could not publish 1 dead letters to parkworld.indexer.dlq")
            .hasMessageContaining("Expiring 1 record(s)");
        assertThat(this.meters.find(KafkaDeadLetterPublisher.DEAD_LETTERS_METER).counters())
            .as("nothing counted when Kafka did not take it")
            .isEmpty();
    }

    @Test
    void publishesNothingForNoDeadLetters() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());

        publisher(producer).publish(List.of());

        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shortensLongExplanationsToOneBoundedLine() {
        String line = KafkaDeadLetterPublisher.oneLine("a\r\n  b\n" + "x".repeat(5000));

        assertThat(line).startsWith("a b x").hasSize(KafkaDeadLetterPublisher.MAX_MESSAGE_LENGTH).doesNotContain("\n");
    }
}
