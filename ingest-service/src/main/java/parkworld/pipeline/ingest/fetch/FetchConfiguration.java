package parkworld.pipeline.ingest.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
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
        return new HostPolicy(source.isWeb()
                ? source.listingPages().stream().map(URI::getHost).collect(Collectors.toUnmodifiableSet()) : Set.of());
    }

    @Bean
    PoliteHttpClient politeHttpClient(HostPolicy hostPolicy, CrawlerProperties crawler, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
            .connectTimeout(crawler.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        PoliteHttpClient.CrawlSettings settings = new PoliteHttpClient.CrawlSettings(crawler.userAgent(),
                crawler.minDelayPerHost(), crawler.requestTimeout(), crawler.maxAttempts(), crawler.initialBackoff(),
                crawler.maxBackoff(), crawler.maxDocumentSize().toBytes(), crawler.maxCrawlDelay());
        return new PoliteHttpClient(http, hostPolicy, settings, clock, new Random(), PoliteHttpClient.Sleeper.real());
    }
}
