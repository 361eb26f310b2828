package parkworld.pipeline.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka clients for tests: write raw records as another team's producer would, and read a topic as a
 * downstream consumer would, headers included: {@code read_committed}, as the project's consumers read and as
 * article-contract/CONSUMING.md tells others to, so the records of aborted transactions are not read.
 */
public final class KafkaTopics {

    private final String bootstrapServers;

    public KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A topic name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not send to " + topic + ": " + ex, ex);
        }
    }

    /**
     * Reads a topic from the beginning ({@code read_committed}) until at least {@code count} records arrived or the
     * timeout passed.
     *
     * @return the records read, fewer than {@code count} only on timeout
     */
    public List<Received> read(String topic, int count, Duration timeout) {
        return readUntil(topic, records -> records.size() >= count, timeout);
    }

    /**
     * Reads a topic from the beginning ({@code read_committed}) until what was read satisfies {@code done} or the
     * timeout passed.
     *
     * @return everything read
     */
    public List<Received> readUntil(String topic, Predicate<List<Received>> done, Duration timeout) {
        List<Received> received = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<byte[], byte[]> consumer = committedConsumer()) {
            consumer.subscribe(List.of(topic));
            while (!done.test(received) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    received.add(Received.of(r));
                }
            }
        }
        return received;
    }

    /**
     * How many offsets a topic spans (0 when it does not exist yet): every record written, including those of
     * aborted transactions, plus one offset per transaction marker. {@link #countCommitted} counts what a consumer
     * sees.
     */
    public long size(String topic) {
        // read_uncommitted: its end offsets are the high watermarks, past any open transaction's records.
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                .mapToLong(e -> e.getValue() - begin.get(e.getKey()))
                .sum();
        }
    }

    /**
     * How many records a {@code read_committed} consumer reads from the topic right now, from the beginning up to
     * the last stable offset: aborted records and transaction markers are not counted.
     */
    public long countCommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = committedConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer the end offsets are the last stable offsets.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    }

    private KafkaConsumer<byte[], byte[]> committedConsumer() {
        Properties props = properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /**
     * A record as a consumer sees it.
     *
     * @param key     the key as UTF-8 text, null when absent
     * @param value   the raw value
     * @param headers header values as UTF-8 text (the last value of a repeated header)
     */
    public record Received(String key, byte[] value, Map<String, String> headers) {

        static Received of(ConsumerRecord<byte[], byte[]> r) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            return new Received(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.value(),
                    headers);
        }

        public String valueText() {
            return new String(this.value, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Received[key=" + this.key + ", headers=" + this.headers.keySet().stream().collect(Collectors.joining(","))
                    + ", value=" + valueText() + "]";
        }
    }
}
