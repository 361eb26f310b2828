package parkworld.pipeline.ingest.discovery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import parkworld.pipeline.ingest.DiscoveryProperties;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.fetch.TestCrawler;

/** Discovery as the service configures it, for tests: the real defaults, overridable property by property. */
final class Listings {

    private Listings() {
    }

    /** The defaults with {@code overrides} applied, e.g. {@code "candidates.selector" -> "ul.issues a"}. */
    static DiscoveryProperties properties(Map<String, String> overrides) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        overrides.forEach((key, value) -> source.put("parkworld.ingest.discovery." + key, value));
        return new Binder(source).bindOrCreate("parkworld.ingest.discovery", DiscoveryProperties.class);
    }

    static DiscoveryProperties defaults() {
        return properties(Map.of());
    }

    /** A polite client without delays, allowed on the origins of the start pages only. */
    static PoliteHttpClient client(List<URI> starts) {
        return new TestCrawler().allow(starts.toArray(URI[]::new)).build();
    }

    static ListingPageDiscovery discovery(List<URI> starts, DiscoveryProperties properties, SimpleMeterRegistry meters) {
        return discovery(starts, new TestCrawler(), properties, meters);
    }

    /** Discovery through a client with {@code crawler}'s settings (say, a small max-page-size). */
    static ListingPageDiscovery discovery(List<URI> starts, TestCrawler crawler, DiscoveryProperties properties,
            SimpleMeterRegistry meters) {
        PoliteHttpClient client = crawler.allow(starts.toArray(URI[]::new)).build();
        return new ListingPageDiscovery(starts, client, new HostPolicy(Set.of("www.parkworld.net"), starts),
                properties, meters);
    }
}
