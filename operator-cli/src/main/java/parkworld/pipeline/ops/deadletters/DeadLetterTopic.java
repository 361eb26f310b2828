package parkworld.pipeline.ops.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole dead-letter topic once: every partition from its beginning up to the end offsets taken when the read
 * starts, so records arriving meanwhile are left for the next run. It assigns partitions itself and has no group id,
 * so it never joins a consumer group, never commits, and cannot disturb anyone else reading the topic.
 */
final class DeadLetterTopic {

    /**
     * The topic does not exist: a dead-letter topic is created by its service when it dead-letters its first record,
     * so before that there is none (or the name is mistyped: the message names the topic and the broker).
     */
    static final class Missing extends IllegalStateException {

        Missing(String message) {
            super(message);
        }
    }

    private final Properties clientProperties;
    private final String topic;
    private final Duration timeout;

    DeadLetterTopic(Properties clientProperties, String topic, Duration timeout) {
        this.clientProperties = clientProperties;
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * Hands every record to {@code each}: partition 0 first, each partition in offset order.
     *
     * @return how many records were read
     * @throws Missing               when the topic does not exist
     * @throws IllegalStateException when Kafka does not answer, or a read makes no progress for the timeout
     */
    long readAll(Consumer<DeadLetter> each) {
        Properties properties = new Properties();
        properties.putAll(this.clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A mistyped topic must be an error, not a new empty topic.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // Dead letters written in an aborted transaction were never really dead-lettered.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis()));
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "parkworld-ops-dead-letters");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, this.timeout);
            long read = 0;
            // One partition after the other, so the output is in a stable order: by partition, then by offset.
            for (TopicPartition partition : partitions) {
                read += readPartition(consumer, partition, end.get(partition), each);
            }
            return read;
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Kafka at " + this.clientProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " did not answer within " + human(this.timeout) + " (" + ex.getMessage() + ")", ex);
        }
    }

    private long readPartition(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long endOffset,
            Consumer<DeadLetter> each) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long read = 0;
        Instant lastProgress = Instant.now();
        // The position also passes transaction markers and compacted gaps, which no record shows.
        while (consumer.position(partition, this.timeout) < endOffset) {
            boolean progressed = false;
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < endOffset) {
                    each.accept(DeadLetter.of(record));
                    read++;
                    progressed = true;
                }
            }
            if (progressed) {
                lastProgress = Instant.now();
            }
            else if (Instant.now().isAfter(lastProgress.plus(this.timeout))) {
                throw new IllegalStateException("reading " + partition + " made no progress for " + human(this.timeout)
                        + " (at offset " + consumer.position(partition) + " of " + endOffset + ")");
            }
        }
        return read;
    }

    /** {@code 30s} or {@code 500ms}, as --timeout takes it. */
    static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(this.topic, this.timeout).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
            .toList();
        if (partitions.isEmpty()) {
            throw new Missing("topic " + this.topic + " does not exist on "
                    + this.clientProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        }
        return partitions;
    }
}
