package parkworld.pipeline.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.CrawlerProperties;
import parkworld.pipeline.ingest.SourceProperties;

@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    HostPolicy hostPolicy(CrawlerProperties crawler, SourceProperties source) {
        if (!crawler.allowedHosts().isEmpty()) {
            return new HostPolicy(crawler.allowedHosts());
        }
        return new HostPolicy(List.of(), source.isWeb() ? source.listingPages() : List.of());
    }

    @Bean(destroyMethod = "close")
    PoliteHttpClient politeHttpClient(HostPolicy hostPolicy, CrawlerProperties crawler, Clock clock, MeterRegistry meters) {
        return new PoliteHttpClient(settings(crawler), hostPolicy,
                new AddressGuard(AddressGuard.NameResolver.system(), crawler.allowLoopback()), clock, new Random(),
                Sleeper.real(), meters);
    }

    static PoliteHttpClient.CrawlSettings settings(CrawlerProperties crawler) {
        return new PoliteHttpClient.CrawlSettings(crawler.userAgent(), crawler.minDelayPerHost(), crawler.requestTimeout(),
                crawler.documentDeadline(), crawler.maxAttempts(), crawler.initialBackoff(), crawler.maxBackoff(),
                crawler.hostFailureLimit(), crawler.maxRetryAfter(), crawler.maxRedirects(),
                crawler.maxDocumentSize().toBytes(), crawler.maxPageSize().toBytes(), crawler.maxCrawlDelay(),
                crawler.downloadPath());
    }
}
