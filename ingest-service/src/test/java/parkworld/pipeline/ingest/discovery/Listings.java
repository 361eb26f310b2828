package parkworld.pipeline.ingest.discovery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import parkworld.pipeline.ingest.DiscoveryProperties;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

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

    /** A polite client without delays, allowed on 127.0.0.1 only. */
    static PoliteHttpClient client() {
        PoliteHttpClient.CrawlSettings settings = new PoliteHttpClient.CrawlSettings("test-agent (+http://example.test)",
                Duration.ZERO, Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO, 1_000_000, Duration.ZERO);
        return new PoliteHttpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                new HostPolicy(Set.of("127.0.0.1")), settings, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                new Random(7), d -> { });
    }

    static ListingPageDiscovery discovery(List<URI> starts, DiscoveryProperties properties, SimpleMeterRegistry meters) {
        return new ListingPageDiscovery(starts, client(), new HostPolicy(Set.of("127.0.0.1", "www.parkworld.net")),
                properties, meters);
    }
}
