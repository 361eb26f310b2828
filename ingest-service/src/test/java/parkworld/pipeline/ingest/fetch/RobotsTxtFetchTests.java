package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.ingest.SettableClock;

/** How the client reads a site's robots.txt (RFC 9309), against a local website: answers, redirects, failures. */
class RobotsTxtFetchTests {

    private final FixtureWebsite site;
    private final List<Duration> sleeps = new ArrayList<>();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T06:00:00Z"));
    private final TestCrawler crawler;
    private final PoliteHttpClient client;

    RobotsTxtFetchTests() throws Exception {
        this.site = new FixtureWebsite();
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"));
        crawler.userAgent = "parkworld-pipeline/0.1 (+http://example.test)";
        crawler.maxAttempts = 2;
        crawler.initialBackoff = Duration.ofMillis(10);
        crawler.maxBackoff = Duration.ofMillis(10);
        crawler.maxDocumentBytes = 1000;
        crawler.clock = this.clock;
        crawler.sleeper = this.sleeps::add;
        this.crawler = crawler;
        this.client = crawler.build();
        this.site.serve("/a.pdf", "%PDF-a".getBytes(StandardCharsets.US_ASCII))
            .serve("/private/b.pdf", "%PDF-b".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() {
        this.site.close();
    }

    private long robotsRequests() {
        return this.site.requests().stream().filter(p -> p.startsWith("/robots") || p.startsWith("/rules")).count();
    }

    private String reasonOf(String path) {
        return reasonOf(this.client, this.site.uri(path));
    }

    static String reasonOf(PoliteHttpClient client, java.net.URI uri) {
        return reasonOf(client, uri, HeadCheck.NONE);
    }

    /** "fetched", or the reason the document could not be. */
    static String reasonOf(PoliteHttpClient client, java.net.URI uri, HeadCheck check) {
        try (FetchedDocument document = client.download(uri, check)) {
            return "fetched";
        }
        catch (FetchException ex) {
            return ex.reason();
        }
        catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void disallowedPathIsNotFetchedWhileOthersAre() {
        this.site.serve("/robots.txt", "User-agent: parkworld-pipeline\nDisallow: /private/\n".getBytes());

        assertThat(reasonOf("/private/b.pdf")).isEqualTo("ROBOTS_DISALLOWED");
        assertThat(reasonOf("/a.pdf")).isEqualTo("fetched");
        assertThat(this.site.requests()).doesNotContain("/private/b.pdf");
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() {
        this.site.serve("/robots.txt", 404, new byte[0], Map.of());

        assertThat(reasonOf("/private/b.pdf")).isEqualTo("fetched");
    }

    @Test
    void rulesAreCachedPerHost() {
        this.site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes());

        reasonOf("/a.pdf");
        reasonOf("/a.pdf");
        reasonOf("/private/b.pdf");

        assertThat(robotsRequests()).isEqualTo(1);
    }

    @Test
    void followsARedirectedRobotsTxtOnTheSameHost() {
        this.site.serve("/robots.txt", 301, new byte[0], Map.of("Location", "/rules/robots.txt"))
            .serve("/rules/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes());

        assertThat(reasonOf("/private/b.pdf")).isEqualTo("ROBOTS_DISALLOWED");
        assertThat(reasonOf("/a.pdf")).isEqualTo("fetched");
    }

    @Test
    void aRobotsTxtRedirectedToAnotherHostKeepsTheSiteClosedWithoutLeavingTheHost() {
        this.site.serve("/robots.txt", 302, new byte[0], Map.of("Location", "http://cdn.example.com/robots.txt"));

        assertThat(reasonOf("/a.pdf")).isEqualTo("ROBOTS_UNAVAILABLE");
        assertThat(this.site.requests()).containsExactly("/robots.txt");
    }

    @Test
    void moreThanFiveRedirectsCountAsNoRobotsTxt() {
        for (int i = 0; i < 6; i++) {
            this.site.serve(i == 0 ? "/robots.txt" : "/rules/" + i, 302, new byte[0], Map.of("Location", "/rules/" + (i + 1)));
        }

        assertThat(reasonOf("/private/b.pdf")).isEqualTo("fetched");
    }

    @Test
    void aServerErrorClosesTheSiteForNowAndItIsAskedAgainLater() {
        this.site.serve("/robots.txt", 503, new byte[0], Map.of())
            .serve("/robots.txt", 503, new byte[0], Map.of())
            .serve("/robots.txt", "User-agent: *\nDisallow:\n".getBytes());

        assertThat(reasonOf("/a.pdf")).isEqualTo("ROBOTS_UNAVAILABLE");
        assertThat(reasonOf("/a.pdf")).as("within the retry window: not asked again").isEqualTo("ROBOTS_UNAVAILABLE");
        assertThat(robotsRequests()).as("two attempts with backoff, once").isEqualTo(2);
        this.clock.advance(Duration.ofMinutes(11));

        assertThat(reasonOf("/a.pdf")).isEqualTo("fetched");
        assertThat(this.site.requests()).filteredOn(p -> p.equals("/a.pdf")).hasSize(1);
    }

    @Test
    void tooManyRequestsClosesTheSiteForNow() {
        this.site.serve("/robots.txt", 429, new byte[0], Map.of());

        assertThat(reasonOf("/a.pdf")).isEqualTo("ROBOTS_UNAVAILABLE");
        assertThat(this.site.requests()).doesNotContain("/a.pdf");
    }

    @Test
    void aNetworkErrorClosesTheSiteForNow() {
        this.site.close();

        assertThat(reasonOf("/a.pdf")).isEqualTo("ROBOTS_UNAVAILABLE");
    }

    @Test
    void aMalformedRedirectIsRefusedNotThrown() {
        this.site.serve("/robots.txt", 404, new byte[0], Map.of())
            .serve("/moved.pdf", 302, new byte[0], Map.of("Location", "http://[broken"));

        assertThat(reasonOf("/moved.pdf")).isEqualTo("BAD_REDIRECT");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTruncated() throws Exception {
        try (CutOffServer server = new CutOffServer()) {
            server.cutOff("/cut.pdf", "%PDF-1.7 only the start".getBytes(), 900)
                .cutOff("/promises-100mb.pdf", "%PDF-1.7!".getBytes(), 100L * 1024 * 1024);
            PoliteHttpClient client = this.crawler.allow(server.uri("/")).build();

            assertThat(reasonOf(client, server.uri("/cut.pdf"))).isEqualTo("TRUNCATED");
            assertThat(reasonOf(client, server.uri("/promises-100mb.pdf"))).as("over the 1000-byte cap by its header alone")
                .isEqualTo("TOO_LARGE");
        }
    }

    @Test
    void aHostileRobotsTxtOverHttpIsAnsweredFast() {
        String robots = "User-agent: *\nDisallow: /************Z\nDisallow: /" + "*".repeat(200_000) + "Q\n";
        this.site.serve("/robots.txt", robots.getBytes(StandardCharsets.US_ASCII))
            .serve("/" + "a".repeat(60) + ".pdf", "%PDF-long".getBytes(StandardCharsets.US_ASCII))
            .serve("/xZ", "%PDF-z".getBytes(StandardCharsets.US_ASCII));

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(reasonOf("/" + "a".repeat(60) + ".pdf")).isEqualTo("fetched");
            assertThat(reasonOf("/xZ")).isEqualTo("ROBOTS_DISALLOWED");
        });
    }
}
