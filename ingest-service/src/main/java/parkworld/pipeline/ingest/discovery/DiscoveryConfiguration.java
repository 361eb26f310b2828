package parkworld.pipeline.ingest.discovery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.SourceProperties;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

@Configuration(proxyBeanMethods = false)
class DiscoveryConfiguration {

    @Bean
    IssueDiscovery issueDiscovery(SourceProperties source, PoliteHttpClient http, HostPolicy hostPolicy) {
        return source.isWeb() ? new ListingPageDiscovery(source.listingPage(), http, hostPolicy)
                : new FolderDiscovery(source.folder());
    }
}
