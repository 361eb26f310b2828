package parkworld.pipeline.ingest.state;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import parkworld.pipeline.ingest.StateProperties;

@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    /**
     * The state's Kafka clients use the binder's brokers and extra client settings (security, SASL, TLS), so a secured
     * cluster is configured once, under {@code spring.cloud.stream.kafka.binder}.
     */
    @Bean
    KafkaIngestLedger ingestLedger(Environment environment, StateProperties state, IssueFetchedRecords events,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${parkworld.topics.ingest-state}") String stateTopic) {
        Map<String, Object> client = new HashMap<>(Binder.get(environment)
            .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of()));
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return new KafkaIngestLedger(client, stateTopic, state.transactionalId(), state.readTimeout(),
                state.keepRuns(), events, state.replicationFactor());
    }
}
