package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteHttpClientTests {

    private final FixtureWebsite site;
    private final List<Duration> sleeps = new ArrayList<>();

    PoliteHttpClientTests() throws Exception {
        this.site = new FixtureWebsite();
    }

    @AfterEach
    void stop() {
        this.site.close();
    }

    private Wrapped client(int maxAttempts, long maxBytes) {
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"));
        crawler.minDelayPerHost = Duration.ofSeconds(2);
        crawler.maxAttempts = maxAttempts;
        crawler.maxDocumentBytes = maxBytes;
        crawler.sleeper = this.sleeps::add;
        return new Wrapped(crawler.build());
    }

    /** The client, reading a document's bytes back from its temporary file. */
    private record Wrapped(PoliteHttpClient client) {

        byte[] get(URI uri) throws Exception {
            try (FetchedDocument document = this.client.download(uri, HeadCheck.NONE)) {
                return Files.readAllBytes(document.file());
            }
        }
    }

    private List<String> documentRequests() {
        return this.site.requests().stream().filter(path -> !path.equals("/robots.txt")).toList();
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() throws Exception {
        this.site.serve("/a.pdf", 503, new byte[0], Map.of())
            .serve("/a.pdf", 429, new byte[0], Map.of())
            .serve("/a.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));

        byte[] body = client(4, 1000).get(this.site.uri("/a.pdf"));

        assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
        assertThat(documentRequests()).hasSize(3);
        List<Duration> backoffs = this.sleeps.stream().filter(d -> !d.equals(Duration.ofSeconds(2))).toList();
        assertThat(backoffs).as("backoffs after the 503 and the 429, growing, with jitter").hasSize(2);
        assertThat(backoffs.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(backoffs.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheStatusAsReason() {
        this.site.serve("/down.pdf", 500, new byte[0], Map.of());

        assertThatThrownBy(() -> client(2, 1000).get(this.site.uri("/down.pdf")))
            .isInstanceOfSatisfying(FetchException.class, ex -> assertThat(ex.reason()).isEqualTo("HTTP_500"));
        assertThat(documentRequests()).hasSize(2);
    }

    @Test
    void waitsMinimumDelayBetweenRequestsToTheSameHost() throws Exception {
        this.site.serve("/1.pdf", new byte[] { 1 }).serve("/2.pdf", new byte[] { 2 });
        Wrapped client = client(1, 1000);

        client.get(this.site.uri("/1.pdf"));
        client.get(this.site.uri("/2.pdf"));

        assertThat(this.sleeps).as("pauses before the two documents, after robots.txt and the first")
            .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void doesNotFetchWhatRobotsTxtDisallows() {
        this.site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8))
            .serve("/private/a.pdf", new byte[] { 1 });

        assertThatThrownBy(() -> client(1, 1000).get(this.site.uri("/private/a.pdf")))
            .isInstanceOfSatisfying(FetchException.class,
                    ex -> assertThat(ex.reason()).isEqualTo("ROBOTS_DISALLOWED"));
        assertThat(documentRequests()).isEmpty();
    }

    @Test
    void slowsDownToTheCrawlDelayRobotsTxtAsksFor() throws Exception {
        this.site.serve("/robots.txt", "User-agent: *\nCrawl-delay: 5\n".getBytes(StandardCharsets.UTF_8))
            .serve("/1.pdf", new byte[] { 1 });

        client(1, 1000).get(this.site.uri("/1.pdf"));

        assertThat(this.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void capsAHugeCrawlDelay() throws Exception {
        this.site.serve("/robots.txt", "User-agent: *\nCrawl-delay: 3600\n".getBytes(StandardCharsets.UTF_8))
            .serve("/1.pdf", new byte[] { 1 });

        client(1, 1000).get(this.site.uri("/1.pdf"));

        assertThat(this.sleeps).as("a one-hour Crawl-delay is capped").containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void doesNotCrawlWhileRobotsTxtIsUnavailable() {
        this.site.serve("/robots.txt", 503, new byte[0], Map.of()).serve("/a.pdf", new byte[] { 1 });

        assertThatThrownBy(() -> client(1, 1000).get(this.site.uri("/a.pdf")))
            .isInstanceOfSatisfying(FetchException.class,
                    ex -> assertThat(ex.reason()).isEqualTo("ROBOTS_UNAVAILABLE"));
        assertThat(documentRequests()).isEmpty();
    }

    @Test
    void sendsItsUserAgent() throws Exception {
        this.site.serve("/1.pdf", new byte[] { 1 });
        client(1, 1000).get(this.site.uri("/1.pdf"));
        assertThat(this.site.userAgents()).containsOnly("test-agent (+http://example.test)");
    }

    @Test
    void refusesRedirectToAnotherHost() {
        this.site.serve("/moved.pdf", 302, new byte[0], Map.of("Location", "http://evil.example.com/x.pdf"));

        assertThatThrownBy(() -> client(1, 1000).get(this.site.uri("/moved.pdf")))
            .isInstanceOfSatisfying(FetchException.class,
                    ex -> assertThat(ex.reason()).isEqualTo("HOST_NOT_ALLOWED"));
    }

    @Test
    void followsRedirectOnAnAllowedHost() throws Exception {
        this.site.serve("/old.pdf", 301, new byte[0], Map.of("Location", "/new.pdf"))
            .serve("/new.pdf", new byte[] { 42 });

        assertThat(client(1, 1000).get(this.site.uri("/old.pdf"))).containsExactly(42);
    }

    @Test
    void refusesHostNotAllowed() {
        assertThatThrownBy(() -> client(1, 1000).get(URI.create("http://localhost:1/x.pdf")))
            .isInstanceOfSatisfying(FetchException.class,
                    ex -> assertThat(ex.reason()).isEqualTo("HOST_NOT_ALLOWED"));
        assertThat(this.site.requests()).isEmpty();
    }

    @Test
    void refusesDocumentLargerThanTheCap() {
        this.site.serve("/big.pdf", new byte[2048]);

        assertThatThrownBy(() -> client(1, 1024).get(this.site.uri("/big.pdf")))
            .isInstanceOfSatisfying(FetchException.class, ex -> assertThat(ex.reason()).isEqualTo("TOO_LARGE"));
    }
}
