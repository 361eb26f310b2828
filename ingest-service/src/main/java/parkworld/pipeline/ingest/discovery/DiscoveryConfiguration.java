package parkworld.pipeline.ingest.discovery;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.DiscoveryProperties;
import parkworld.pipeline.ingest.SourceProperties;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

@Configuration(proxyBeanMethods = false)
class DiscoveryConfiguration {

    @Bean
    IssueDiscovery issueDiscovery(SourceProperties source, DiscoveryProperties discovery, PoliteHttpClient http,
            HostPolicy hostPolicy, MeterRegistry meters) {
        return source.isWeb() ? new ListingPageDiscovery(source.listingPages(), http, hostPolicy, discovery, meters)
                : new FolderDiscovery(source.folder());
    }
}
