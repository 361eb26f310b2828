package parkworld.pipeline.it.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.ContractSamples;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The consumer guide's example on real Kafka, with records as the parser publishes them (in transactions). */
class SectionConsumerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsOnlyCommittedArticlesOfItsSectionIncludingNewerMinorVersions() {
        String topic = KafkaTopics.unique("guide.articles");
        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(article(topic, "121-000000000001", "招商引资", ContractSamples.Shape.NEWER));
            producer.send(article(topic, "121-000000000002", "综合资讯", ContractSamples.Shape.PREVIOUS));
            producer.send(article(topic, "121-000000000003", "招商引资", ContractSamples.Shape.PREVIOUS));
            producer.commitTransaction();
            // A parse that failed half-way: its transaction is aborted, and the parser publishes the issue again.
            producer.beginTransaction();
            producer.send(article(topic, "122-000000000004", "招商引资", ContractSamples.Shape.PREVIOUS));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(article(topic, "123-000000000005", "招商引资", ContractSamples.Shape.PREVIOUS));
            producer.commitTransaction();
        }

        List<String> received = new ArrayList<>();
        try (SectionConsumer consumer = new SectionConsumer(TestInfrastructure.kafkaBootstrapServers(),
                KafkaTopics.unique("guide-investments"), topic, "招商引资")) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (received.size() < 3 && Instant.now().isBefore(deadline)) {
                consumer.pollOnce(Duration.ofMillis(200), (ArticleExtracted article) -> received.add(article.articleId()));
            }
            // nothing else arrives: the aborted article and the other section's never do
            consumer.pollOnce(Duration.ofSeconds(1), article -> received.add(article.articleId()));
        }

        assertThat(received).containsExactly("121-000000000001", "121-000000000003", "123-000000000005");
    }

    private static ProducerRecord<String, byte[]> article(String topic, String articleId, String section,
            ContractSamples.Shape shape) {
        ObjectNode event = (ObjectNode) JSON.readTree(ContractSamples.of(EventType.ARTICLE_EXTRACTED, shape));
        event.put("articleId", articleId);
        event.put("section", section);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, 0, articleId, JSON.writeValueAsBytes(event));
        Map<String, String> headers = new java.util.LinkedHashMap<>(CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED,
                "/parkworld/parser-service", articleId, Instant.now()));
        headers.put(CloudEventHeaders.SECTION, section);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, byte[]> transactionalProducer() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaTopics.unique("guide-producer"));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }
}
