package parkworld.pipeline.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.ingest.DiscoveryProperties;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;

/** Listings read through their pages from a local website: next links, depth, loops, faults. */
class PaginationTests {

    private final FixtureWebsite site;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    PaginationTests() throws IOException {
        this.site = new FixtureWebsite();
    }

    @AfterEach
    void stop() {
        this.site.close();
    }

    private FixtureWebsite page(String path, String html) {
        return this.site.serve(path, html.getBytes(StandardCharsets.UTF_8));
    }

    private IssueDiscovery.Discovered discover(DiscoveryProperties properties, String... starts)
            throws Exception {
        List<URI> uris = java.util.Arrays.stream(starts).map(this.site::uri).toList();
        return Listings.discovery(uris, properties, this.meters).discover();
    }

    private List<String> keys(IssueDiscovery.Discovered discovered) {
        return discovered.links().stream().map(IssueLink::issueKey).toList();
    }

    private double pages(String outcome) {
        return this.meters.counter(ListingPageDiscovery.LISTING_PAGES, "outcome", outcome,
                "reason", switch (outcome) {
                    case "loop" -> "PAGINATION_LOOP";
                    case "cut" -> "MAX_PAGES";
                    default -> "none";
                }).count();
    }

    @Test
    void aListingUrlThatIsItselfAPdfIsThatOneIssue() throws Exception {
        this.site.serve("/weekly/zong-121.pdf", 200,
                "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), Map.of("Content-Type", "application/octet-stream"));

        IssueDiscovery.Discovered discovered = discover(Listings.defaults(), "/weekly/zong-121.pdf");

        assertThat(discovered.links()).singleElement()
            .satisfies(link -> assertThat(link.uri().toString()).endsWith("/weekly/zong-121.pdf"));
        assertThat(discovered.problems()).isEmpty();
        assertThat(this.meters.counter(ListingPageDiscovery.LISTING_PAGES, "outcome", "read", "reason", "PDF").count())
            .isEqualTo(1);
    }

    @Test
    void aPdfSourceIsBoundedByTheDocumentSizeLimitNotThePageSizeLimit() throws Exception {
        byte[] pdf = new byte[64 * 1024];
        java.util.Arrays.fill(pdf, (byte) ' ');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        this.site.serve("/download.php?id=7", 200, pdf, Map.of("Content-Type", "application/octet-stream"));
        parkworld.pipeline.ingest.fetch.TestCrawler crawler = new parkworld.pipeline.ingest.fetch.TestCrawler();
        crawler.maxPageBytes = 8 * 1024;

        IssueDiscovery.Discovered discovered = Listings.discovery(List.of(this.site.uri("/download.php?id=7")),
                crawler, Listings.defaults(), this.meters).discover();

        assertThat(discovered.links()).singleElement()
            .satisfies(link -> assertThat(link.uri().toString()).endsWith("/download.php?id=7"));
        assertThat(discovered.problems()).isEmpty();
    }

    @Test
    void aListingPageOverThePageSizeLimitIsStillRefused() throws Exception {
        String html = "<a href=i-3.pdf>总3期</a>" + " ".repeat(16 * 1024);
        page("/weekly/", html);
        parkworld.pipeline.ingest.fetch.TestCrawler crawler = new parkworld.pipeline.ingest.fetch.TestCrawler();
        crawler.maxPageBytes = 8 * 1024;

        assertThatThrownBy(() -> Listings.discovery(List.of(this.site.uri("/weekly/")), crawler, Listings.defaults(),
                this.meters).discover())
            .isInstanceOf(IOException.class)
            .hasMessageContaining("TOO_LARGE");
    }

    @Test
    void aMenuLinkToTheListingByFewerQueryParametersIsNoCandidate() throws Exception {
        // The stand-in of parkworld.net: the menu entry 园区周报 names /list.php?cat=3, the pages are ...&page=N.
        page("/", "<a href='/list.php?cat=3'>园区周报</a> <a href=/download.php?id=7>园区周报 (总121期)</a>"
                + "<a href='/list.php?cat=3&page=2'>下一页</a>");
        page("/list.php?cat=3&page=2", "<a href='/list.php?cat=3'>园区周报</a> <a href=/download.php?id=6>总120期</a>"
                + "<a href='/list.php?cat=4'>园区周报 英文版</a>");

        IssueDiscovery.Discovered found = discover(Listings.defaults(), "/");

        assertThat(found.links()).extracting(link -> this.site.uri("/").relativize(link.uri()).toString())
            .containsExactly("download.php?id=7", "download.php?id=6", "list.php?cat=4");
    }

    @Test
    void aLinkIsANamedListingPageOnlyOnItsOriginAndPathWithAllItsParameters() {
        URI page = URI.create("http://site.test/list.php?cat=3&page=2");

        assertThat(ListingPageDiscovery.sameListing(URI.create("http://site.test/list.php?cat=3"), page)).isTrue();
        assertThat(ListingPageDiscovery.sameListing(URI.create("http://site.test/list.php?page=2&cat=3"), page)).isTrue();
        assertThat(ListingPageDiscovery.sameListing(URI.create("http://site.test/list.php?cat=3&id=7"), page)).isFalse();
        assertThat(ListingPageDiscovery.sameListing(URI.create("http://site.test/list.php"), page)).isFalse();
        assertThat(ListingPageDiscovery.sameListing(URI.create("http://site.test/down.php?cat=3"), page)).isFalse();
        assertThat(ListingPageDiscovery.sameListing(URI.create("http://other.test/list.php?cat=3"), page)).isFalse();
    }

    @Test
    void followsTheNextPageLinkByItsText() throws Exception {
        page("/weekly/", "<a href=i-3.pdf>总3期</a><a href='list-2.html'>下一页 &gt;</a>");
        page("/weekly/list-2.html", "<a href=i-2.pdf>总2期</a><a href='list-3.html'>[下一页]</a>");
        page("/weekly/list-3.html", "<a href=i-1.pdf>总1期</a><span>下一页</span>");

        IssueDiscovery.Discovered found = discover(Listings.defaults(), "/weekly/");

        assertThat(keys(found)).containsExactly("issue-3", "issue-2", "issue-1");
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void followsRelNext() throws Exception {
        page("/weekly/", "<head><link rel=next href='/weekly/p/2'></head><a href=i-3.pdf>总3期</a>");
        page("/weekly/p/2", "<a href=i-2.pdf>总2期</a><a rel='nofollow next' href='/weekly/p/3'>»</a>");
        page("/weekly/p/3", "<a href=i-1.pdf>总1期</a>");

        assertThat(keys(discover(Listings.defaults(), "/weekly/"))).containsExactly("issue-3", "issue-2", "issue-1");
    }

    @Test
    void followsAConfiguredNextLinkSelectorOrText() throws Exception {
        page("/weekly/", "<a href=i-3.pdf>总3期</a><div class=pager><a href='/weekly/b'>&#x2192;</a></div>");
        page("/weekly/b", "<a href=i-2.pdf>总2期</a><a href='/weekly/c'>更早的周报</a>");
        page("/weekly/c", "<a href=i-1.pdf>总1期</a>");
        DiscoveryProperties properties = Listings.properties(Map.of("pagination.next-link-selector", ".pager a",
                "pagination.next-link-texts[0]", "更早的周报"));

        assertThat(keys(discover(properties, "/weekly/"))).containsExactly("issue-3", "issue-2", "issue-1");
    }

    @Test
    void readsEachPageOnceWhenThePaginationLoopsBack() throws Exception {
        page("/weekly/", "<a href=i-2.pdf>总2期</a><a href='/weekly/p2'>下一页</a>");
        page("/weekly/p2", "<a href=i-1.pdf>总1期</a><a href='/weekly/#top'>下一页</a>");

        IssueDiscovery.Discovered found = discover(Listings.defaults(), "/weekly/");

        assertThat(keys(found)).containsExactly("issue-2", "issue-1");
        assertThat(this.site.requests()).filteredOn(p -> p.startsWith("/weekly/")).containsExactly("/weekly/", "/weekly/p2");
        assertThat(pages("loop")).isEqualTo(1);
    }

    @Test
    void stopsAtANextLinkToItself() throws Exception {
        page("/weekly/", "<a href=i-1.pdf>总1期</a><a href=''>下一页</a>");

        assertThat(keys(discover(Listings.defaults(), "/weekly/"))).containsExactly("issue-1");
        assertThat(this.site.requests()).filteredOn(p -> p.startsWith("/weekly/")).containsExactly("/weekly/");
        assertThat(pages("loop")).isEqualTo(1);
    }

    @Test
    void readsNoMoreThanTheConfiguredPagesAndSaysSo() throws Exception {
        for (int n = 1; n <= 5; n++) {
            page("/weekly/" + n, "<a href=i-" + n + ".pdf>总" + n + "期</a><a href='/weekly/" + (n + 1) + "'>下一页</a>");
        }

        IssueDiscovery.Discovered found = discover(Listings.properties(Map.of("pagination.max-pages", "2")), "/weekly/1");

        assertThat(keys(found)).containsExactly("issue-1", "issue-2");
        assertThat(found.problems()).singleElement().asString().contains("MAX_PAGES", "/weekly/3");
        assertThat(pages("cut")).isEqualTo(1);
    }

    @Test
    void startsFromEveryListingUrlAndListsAnIssueLinkedFromBothOnce() throws Exception {
        page("/weekly/", "<a href=/files/i-2.pdf>总2期</a>");
        page("/archive/", "<a href=/files/i-2.pdf>总2期</a><a href=/files/i-1.pdf>总1期</a>");

        assertThat(keys(discover(Listings.defaults(), "/weekly/", "/archive/"))).containsExactly("issue-2", "issue-1");
    }

    @Test
    void aListingPageThatFailsIsReportedAndTheOthersAreStillRead() throws Exception {
        page("/weekly/", "<a href=i-2.pdf>总2期</a><a href='/weekly/gone'>下一页</a>");
        page("/archive/", "<a href=/files/i-1.pdf>总1期</a>");

        IssueDiscovery.Discovered found = discover(Listings.defaults(), "/weekly/", "/archive/");

        assertThat(keys(found)).containsExactly("issue-2", "issue-1");
        assertThat(found.problems()).singleElement().asString().contains("/weekly/gone", "HTTP_404");
    }

    @Test
    void failsWhenNoListingPageCanBeRead() {
        assertThatThrownBy(() -> discover(Listings.defaults(), "/nothing/")).isInstanceOf(IOException.class)
            .hasMessageContaining("HTTP_404")
            .hasMessageContaining("parkworld.ingest.source");
    }

    @Test
    void readsABrokenGbkListingWhoseCharsetIsOnlyInAMetaTag() throws Exception {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
                <title>园区周报</title><body><div class=list><ul>
                <li><a href="/upload/2023/0530.pdf" title="园区周报 2023年5月4期">园区周报2023年5月4期(总121期)</a>
                <li><a href=/download.php?id=120>下载</a> 园区周报（总120期）
                </ul></div>""";
        this.site.serve("/weekly/", 200, html.getBytes(Charset.forName("GBK")), Map.of("Content-Type", "text/html"));

        IssueDiscovery.Discovered found = discover(Listings.defaults(), "/weekly/");

        assertThat(found.links()).extracting(IssueLink::issueKey).containsExactly("issue-121", "issue-120");
        assertThat(found.links()).extracting(IssueLink::uri)
            .containsExactly(this.site.uri("/upload/2023/0530.pdf"), this.site.uri("/download.php?id=120"));
    }

    @Test
    void aMenuLinkToTheListingItselfIsNoCandidate() throws Exception {
        page("/weekly/list", "<nav><a href='/weekly/list'>园区周报</a></nav><a href=i-1.pdf>总1期</a>");

        assertThat(keys(discover(Listings.defaults(), "/weekly/list"))).containsExactly("issue-1");
    }
}
