package parkworld.pipeline.indexer.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaListenerContainerCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import parkworld.pipeline.indexer.DeadLetterProperties;
import parkworld.pipeline.indexer.RetryProperties;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.mapping.IndexReadiness;

/**
 * The Kafka side: the {@code indexArticles} batch consumer bound to the articles topic, the error handler that
 * retries a failed batch until it succeeds, and the dead-letter producer, configured from the binder's own Kafka
 * settings ({@code spring.cloud.stream.kafka.binder.*}) so it reaches the same cluster with the same security.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> indexArticles(ArticleBatchIndexer indexer) {
        return batch -> indexer.index(KafkaBatch.records(batch));
    }

    @Bean
    ArticleBatchIndexer articleBatchIndexer(IndexReadiness index, ArticleBulkWriter writer,
            DeadLetterPublisher deadLetterPublisher) {
        return new ArticleBatchIndexer(new ArticleDecoder(), index, writer, deadLetterPublisher);
    }

    @Bean
    KafkaListenerContainerCustomizer indexerContainerCustomizer(RetryProperties retry, MeterRegistry meters) {
        DefaultErrorHandler errorHandler = RetryForever.errorHandler(retry, meters);
        // The binder applies this after its own settings, so this error handler is the one the container uses.
        return (container, destination, group, properties) -> container.setCommonErrorHandler(errorHandler);
    }

    @Bean(destroyMethod = "close")
    KafkaDeadLetterPublisher deadLetterPublisher(KafkaBinderSettings binder, DeadLetterProperties deadLetter,
            @Value("${spring.application.name}") String service, MeterRegistry meters) {
        return new KafkaDeadLetterPublisher(deadLetterProducer(binder, deadLetter, service), deadLetter.topic(),
                deadLetter.sendTimeout(), service, Clock.systemUTC(), meters);
    }

    private static Producer<byte[], byte[]> deadLetterProducer(KafkaBinderSettings binder,
            DeadLetterProperties deadLetter, String service) {
        Map<String, Object> config = new HashMap<>(binder.properties().mergedProducerConfiguration());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadLetter.sendTimeout().toMillis());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaProducer<>(config);
    }

    @Bean
    DeadLetterTopic deadLetterTopic(KafkaBinderSettings binder, DeadLetterProperties deadLetter) {
        return new DeadLetterTopic(binder.provisioner(), deadLetter.topic());
    }

    @Bean
    KafkaBinderSettings kafkaBinderSettings(Environment environment, KafkaProperties kafkaProperties,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new KafkaBinderSettings(environment, kafkaProperties, connectionDetails);
    }

    /**
     * The Kafka binder's settings, bound here from {@code spring.cloud.stream.kafka.binder.*} as the binder binds
     * them in its own context (which this context cannot see).
     */
    static final class KafkaBinderSettings {

        private final KafkaBinderConfigurationProperties properties;
        private final KafkaProperties kafkaProperties;
        private final KafkaConnectionDetails connectionDetails;

        KafkaBinderSettings(Environment environment, KafkaProperties kafkaProperties,
                ObjectProvider<KafkaConnectionDetails> connectionDetails) {
            this.kafkaProperties = kafkaProperties;
            this.connectionDetails = connectionDetails.getIfAvailable();
            this.properties = new KafkaBinderConfigurationProperties(kafkaProperties, connectionDetails);
            Binder.get(environment).bind("spring.cloud.stream.kafka.binder", Bindable.ofInstance(this.properties));
        }

        KafkaBinderConfigurationProperties properties() {
            return this.properties;
        }

        KafkaTopicProvisioner provisioner() {
            KafkaTopicProvisioner provisioner = new KafkaTopicProvisioner(this.properties, this.kafkaProperties,
                    this.connectionDetails, List.of());
            provisioner.afterPropertiesSet();
            return provisioner;
        }
    }
}
