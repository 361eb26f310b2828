package parkworld.pipeline.ops.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventType;

/**
 * Dead letters shaped as the services write them (the original record's key, value and headers plus
 * {@link DeadLetterHeaders#of}), put on a real topic, and raw reads of what a replay sent.
 */
final class DeadLetterRecords {

    /** An original record's headers: CloudEvents ones plus one that is not UTF-8, to prove bytes are kept. */
    static List<Header> originalHeaders(EventType type, String subject) {
        List<Header> headers = new ArrayList<>();
        CloudEventHeaders.of(type, "/parkworld/test", subject, Instant.parse("2026-05-30T07:00:00Z"))
            .forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        headers.add(new RecordHeader("x-binary", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe, 0x01}));
        return headers;
    }

    /** A dead letter of {@code original} headers, key and value, sent to {@code partition} of the dead-letter topic. */
    static ProducerRecord<byte[], byte[]> deadLetter(String dlqTopic, int partition, String key, byte[] value,
            List<Header> original, DeadLetterReason reason, String message, String service, String originalTopic,
            long originalOffset) {
        List<Header> headers = new ArrayList<>(original);
        DeadLetterHeaders.of(reason, message, service, originalTopic, 0, originalOffset,
                Instant.parse("2026-05-30T07:00:05Z"))
            .forEach((name, text) -> headers.add(new RecordHeader(name, text.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(dlqTopic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value, headers);
    }

    static void createTopic(String bootstrapServers, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    /** Every record of a topic up to its current end, in partition then offset order; empty if it does not exist. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                Instant deadline = Instant.now().plusSeconds(30);
                while (consumer.position(partition) < end.get(partition) && Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        }
        return records;
    }

    /** Header names to values in order; a repeated name keeps its last value. */
    static Map<String, byte[]> headers(Iterable<Header> headers) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        headers.forEach(h -> map.put(h.key(), h.value()));
        return map;
    }

    private DeadLetterRecords() {
    }
}
