package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.ingest.fetch.RobotsTxtFetchTests.reasonOf;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The crawler never leaves its configured origins nor reaches an address no public site has, across redirects too. */
class CrawlerSafetyTests {

    private static final byte[] PDF = "%PDF-1.7 issue".getBytes(StandardCharsets.US_ASCII);

    private final FixtureWebsite site;
    private final FixtureWebsite otherPort;

    CrawlerSafetyTests() throws Exception {
        this.site = new FixtureWebsite();
        this.otherPort = new FixtureWebsite();
        this.site.serve("/a.pdf", PDF);
        this.otherPort.serve("/a.pdf", PDF);
    }

    @AfterEach
    void stop() {
        this.site.close();
        this.otherPort.close();
    }

    /** Resolves the given test names as told, everything else as the system does. */
    private static AddressGuard.NameResolver names(Map<String, String> fixed) {
        return host -> fixed.containsKey(host) ? new InetAddress[] { InetAddress.getByName(fixed.get(host)) }
                : InetAddress.getAllByName(host);
    }

    private URI on(String host, FixtureWebsite website, String path) {
        return URI.create("http://" + host + ":" + website.uri("/").getPort() + path);
    }

    @Test
    void refusesLoopbackUnlessConfigured() {
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"), on("localhost", this.site, "/"));
        crawler.allowLoopback = false;
        PoliteHttpClient client = crawler.build();

        assertThat(reasonOf(client, this.site.uri("/a.pdf"))).isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(reasonOf(client, on("localhost", this.site, "/a.pdf"))).isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(this.site.requests()).as("not even robots.txt").isEmpty();
    }

    @Test
    void refusesAHostNameResolvingToTheCloudMetadataAddress() {
        URI metadata = URI.create("http://metadata.test/latest/meta-data/");
        TestCrawler crawler = new TestCrawler().allow(metadata);
        crawler.names = names(Map.of("metadata.test", "169.254.169.254"));

        assertThat(reasonOf(crawler.build(), metadata)).isEqualTo("ADDRESS_NOT_ALLOWED");
    }

    @Test
    void connectsToTheAddressItCheckedNotToASecondLookup() {
        // site.test exists only in the crawler's resolver: fetching it proves the connection used that answer.
        URI page = on("site.test", this.site, "/a.pdf");
        TestCrawler crawler = new TestCrawler().allow(page);
        crawler.names = names(Map.of("site.test", "127.0.0.1"));

        assertThat(reasonOf(crawler.build(), page)).isEqualTo("fetched");
    }

    @Test
    void checksTheAddressOfEveryRedirectHop() {
        URI internal = on("rebind.test", this.site, "/a.pdf");
        this.site.serve("/moved.pdf", 302, new byte[0], Map.of("Location", internal.toString()));
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"), internal);
        crawler.names = names(Map.of("rebind.test", "10.0.0.7"));

        assertThat(reasonOf(crawler.build(), this.site.uri("/moved.pdf"))).isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(this.site.requests()).doesNotContain("/a.pdf");
    }

    @Test
    void refusesARedirectToAnotherPortOfTheAllowedHost() {
        this.site.serve("/moved.pdf", 302, new byte[0], Map.of("Location", this.otherPort.uri("/a.pdf").toString()));
        PoliteHttpClient client = new TestCrawler().allow(this.site.uri("/")).build();

        assertThat(reasonOf(client, this.site.uri("/moved.pdf"))).isEqualTo("HOST_NOT_ALLOWED");
        assertThat(this.otherPort.requests()).isEmpty();
    }

    @Test
    void refusesARedirectToAnotherHost() {
        this.site.serve("/moved.pdf", 301, new byte[0], Map.of("Location", "https://evil.example.com/a.pdf"));

        assertThat(reasonOf(new TestCrawler().allow(this.site.uri("/")).build(), this.site.uri("/moved.pdf")))
            .isEqualTo("HOST_NOT_ALLOWED");
    }

    @Test
    void endsARedirectLoopAtOnce() {
        this.site.serve("/a", 302, new byte[0], Map.of("Location", "/b"))
            .serve("/b", 302, new byte[0], Map.of("Location", "/a"));

        assertThat(reasonOf(new TestCrawler().allow(this.site.uri("/")).build(), this.site.uri("/a")))
            .isEqualTo("REDIRECT_LOOP");
        assertThat(this.site.requests()).filteredOn(p -> !p.equals("/robots.txt")).containsExactly("/a", "/b");
    }

    @Test
    void followsNoMoreThanTheRedirectLimit() {
        for (int i = 0; i < 4; i++) {
            this.site.serve("/hop/" + i, 302, new byte[0], Map.of("Location", "/hop/" + (i + 1)));
        }
        this.site.serve("/hop/4", PDF);
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"));
        crawler.maxRedirects = 3;

        assertThat(reasonOf(crawler.build(), this.site.uri("/hop/0"))).isEqualTo("TOO_MANY_REDIRECTS");
        crawler.maxRedirects = 4;
        assertThat(reasonOf(crawler.build(), this.site.uri("/hop/0"))).isEqualTo("fetched");
    }

    @Test
    void aMalformedLocationIsARecordedOutcome() {
        this.site.serve("/moved.pdf", 302, new byte[0], Map.of("Location", "http://[broken"))
            .serve("/nowhere.pdf", 302, new byte[0], Map.of());

        PoliteHttpClient client = new TestCrawler().allow(this.site.uri("/")).build();
        assertThat(reasonOf(client, this.site.uri("/moved.pdf"))).isEqualTo("BAD_REDIRECT");
        assertThat(reasonOf(client, this.site.uri("/nowhere.pdf"))).isEqualTo("BAD_REDIRECT");
    }
}
