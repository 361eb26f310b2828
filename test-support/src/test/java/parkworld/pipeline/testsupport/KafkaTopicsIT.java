package parkworld.pipeline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** KafkaTopics reads a topic as the pipeline's consumers do: what an aborted transaction wrote is neither read nor counted. */
class KafkaTopicsIT {

    private final String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();
    private final KafkaTopics kafka = new KafkaTopics(this.bootstrapServers);

    @Test
    void readsAndCountsOnlyWhatCommittedTransactionsWrote() {
        String topic = KafkaTopics.unique("kafka-topics");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaTopics.unique("kafka-topics-tx"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            // One key, so one partition: the aborted record comes first in the log.
            producer.send(new ProducerRecord<>(topic, "issue-121", "first attempt"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "issue-121", "second attempt"));
            producer.commitTransaction();
        }

        List<KafkaTopics.Received> read = this.kafka.readUntil(topic,
                records -> records.stream().anyMatch(record -> record.valueText().equals("second attempt")),
                Duration.ofSeconds(60));

        assertThat(read).extracting(KafkaTopics.Received::valueText).containsExactly("second attempt");
        assertThat(this.kafka.countCommitted(topic)).isEqualTo(1);
        assertThat(this.kafka.size(topic)).as("offsets: both records and a marker for each transaction").isEqualTo(4);
    }
}
