package parkworld.pipeline.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * A {@link PoliteHttpClient} for tests: no delays, short timeouts, one attempt, loopback allowed (the test servers
 * listen there), the origins of the given test servers allowed; each setting can be changed before {@link #build()}.
 */
public final class TestCrawler {

    /** Downloads of tests go here, under target/, so a leaked temporary file is seen rather than lost in /tmp. */
    public static final Path DOWNLOADS = Path.of("target", "test-downloads").toAbsolutePath();

    public String userAgent = "test-agent (+http://example.test)";
    public Duration minDelayPerHost = Duration.ZERO;
    public Duration requestTimeout = Duration.ofSeconds(5);
    public Duration documentDeadline = Duration.ofSeconds(20);
    public int maxAttempts = 1;
    public Duration initialBackoff = Duration.ofMillis(100);
    public Duration maxBackoff = Duration.ofSeconds(1);
    public int hostFailureLimit = 100;
    public Duration maxRetryAfter = Duration.ofMinutes(5);
    public int maxRedirects = 5;
    public long maxDocumentBytes = 1_000_000;
    public long maxPageBytes = 1_000_000;
    public Duration maxCrawlDelay = Duration.ofSeconds(10);
    public Path downloadDirectory = DOWNLOADS;
    public boolean allowLoopback = true;
    public AddressGuard.NameResolver names = AddressGuard.NameResolver.system();
    public Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    public RandomGenerator random = new Random(7);
    public Sleeper sleeper = duration -> { };
    public MeterRegistry meters = new SimpleMeterRegistry();
    public final List<String> allowedHosts = new ArrayList<>();
    public final List<URI> allowedPages = new ArrayList<>();

    /** Allows the origins of these URLs (a test server's {@code uri("/")}). */
    public TestCrawler allow(URI... pages) {
        this.allowedPages.addAll(Arrays.asList(pages));
        return this;
    }

    public HostPolicy hostPolicy() {
        return new HostPolicy(this.allowedHosts, this.allowedPages);
    }

    public PoliteHttpClient.CrawlSettings settings() {
        return new PoliteHttpClient.CrawlSettings(this.userAgent, this.minDelayPerHost, this.requestTimeout,
                this.documentDeadline, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.hostFailureLimit,
                this.maxRetryAfter, this.maxRedirects, this.maxDocumentBytes, this.maxPageBytes, this.maxCrawlDelay,
                this.downloadDirectory);
    }

    public PoliteHttpClient build() {
        return new PoliteHttpClient(settings(), hostPolicy(), new AddressGuard(this.names, this.allowLoopback),
                this.clock, this.random, this.sleeper, this.meters);
    }
}
