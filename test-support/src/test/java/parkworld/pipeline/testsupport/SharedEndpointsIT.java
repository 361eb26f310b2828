package parkworld.pipeline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Uses whatever this machine offers; without Docker, that is the local-process fallback. Not named {@code Test*}, which
 * Surefire would pick up as a unit test.
 */
class SharedEndpointsIT {

    @Test
    void resolvesKafkaOncePerJvmToABrokerThatAcceptsRecords() throws Exception {
        String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();

        assertThat(TestInfrastructure.kafkaBootstrapServers()).isEqualTo(bootstrapServers);
        String topic = "test-infrastructure-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "issue-121", "parsed")).get();
        }
        assertThat(consumeOne(bootstrapServers, topic)).extracting(ConsumerRecord::value).isEqualTo("parsed");
    }

    @Test
    void resolvesElasticsearchOncePerJvmToANodeThatAnswers() throws Exception {
        String url = TestInfrastructure.elasticsearchUrl();

        assertThat(TestInfrastructure.elasticsearchUrl()).isEqualTo(url);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build();
        HttpResponse<String> health = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
    }

    private static ConsumerRecord<String, String> consumeOne(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-infrastructure",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).hasSize(1);
        return received.get(0);
    }
}
