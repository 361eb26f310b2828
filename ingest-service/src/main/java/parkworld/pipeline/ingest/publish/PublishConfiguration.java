package parkworld.pipeline.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.state.IssueFetchedRecords;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    IssueFetchedRecords issueFetchedRecords(@Value("${parkworld.topics.issues-fetched}") String topic,
            MeterRegistry meters) {
        return new KafkaIssueFetchedRecords(topic, meters);
    }
}
