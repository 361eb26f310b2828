package parkworld.pipeline.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.run.IssueAnnouncer;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    IssueAnnouncer issueAnnouncer(StreamBridge streamBridge, MeterRegistry meters) {
        return new KafkaIssueAnnouncer(streamBridge, meters);
    }
}
