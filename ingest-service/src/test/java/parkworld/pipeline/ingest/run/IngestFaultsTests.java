package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.DiscoveryProperties;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.discovery.ListingPageDiscovery;
import parkworld.pipeline.ingest.fetch.CutOffServer;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.state.RunSummary;

/**
 * A whole run against a misbehaving stand-in of the site: every bad case ends in a recorded outcome with its reason,
 * and the run goes on with the other issues.
 */
class IngestFaultsTests {

    private static final byte[] ISSUE_121 = "%PDF-1.7 issue 121".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ISSUE_124 = "%PDF-1.7 issue 124".getBytes(StandardCharsets.US_ASCII);

    private final SiteRun siteRun;
    private PoliteHttpClient http;

    IngestFaultsTests(@TempDir Path blobs) throws Exception {
        this.siteRun = new SiteRun(Instant.parse("2026-01-05T06:00:00Z"), blobs);
        TestCrawler crawler = this.siteRun.crawler;
        crawler.userAgent = "parkworld-pipeline/0.1 (+http://example.test)";
        crawler.minDelayPerHost = Duration.ofSeconds(2);
        crawler.maxDocumentBytes = SiteRun.MAX_DOCUMENT_BYTES;
        crawler.clock = this.siteRun.clock;
        this.http = crawler.build();
    }

    @AfterEach
    void stop() {
        this.siteRun.close();
    }

    private IssueIngestor ingestor(IssueDiscovery discovery) throws Exception {
        return this.siteRun.ingestor(discovery, this.http);
    }

    @Test
    void aMisbehavingSiteEndsInOneRecordedOutcomePerCandidate() throws Exception {
        String page1 = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>园区周报</title>
                <body><ul class=list>
                <li><a href="/files/issue-121.pdf">园区周报 2023年5月4期（总121期）</a>
                <li>园区周报（总121期）镜像 <a href=/download.php?id=121>下载</a>
                <li><a href='/files/issue-122.pdf'>园区周报（总122期）</a>
                <li><a href="/private/issue-123.pdf">园区周报（总123期）<b></i>
                </ul><div class=pages><a href="/weekly/p2">下一页</a>
                """;
        String page2 = "<meta charset=gbk><a href=/files/issue-124.pdf>总124期</a><a href=/weekly/>下一页</a>";
        this.siteRun.site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8))
            .serve("/weekly/", 200, page1.getBytes(Charset.forName("GBK")), Map.of("Content-Type", "text/html"))
            .serve("/weekly/p2", page2.getBytes(Charset.forName("GBK")))
            .serve("/files/issue-121.pdf", ISSUE_121)
            .serve("/download.php", ISSUE_121)
            .serve("/files/issue-122.pdf", 200, "<!DOCTYPE html><html><body>404 页面不存在</body></html>"
                .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/html"))
            .serve("/private/issue-123.pdf", "%PDF-1.7 private".getBytes(StandardCharsets.US_ASCII))
            .serve("/files/issue-124.pdf", ISSUE_124);
        DiscoveryProperties defaults = new Binder().bindOrCreate("parkworld.ingest.discovery", DiscoveryProperties.class);
        ListingPageDiscovery discovery = new ListingPageDiscovery(List.of(this.siteRun.uri("/weekly/")), this.http,
                this.siteRun.crawler.hostPolicy(), defaults, this.siteRun.meters);

        IngestReport report = ingestor(discovery).run();

        assertThat(report.discovered()).isEqualTo(5);
        assertThat(report.published()).containsExactly("issue-121", "issue-124");
        assertThat(this.siteRun.announced).extracting(IssueFetched::sourceUrl)
            .containsExactly(this.siteRun.uri("/files/issue-121.pdf").toString(),
                    this.siteRun.uri("/files/issue-124.pdf").toString());
        assertThat(report.duplicates()).singleElement().asString().contains("download.php?id=121", "SAME_BYTES",
                "/files/issue-121.pdf");
        assertThat(report.rejected()).singleElement().asString().contains("issue-122", "NOT_PDF", "<!DOCTYPE html>");
        assertThat(report.failures()).singleElement().asString().contains("issue-123", "ROBOTS_DISALLOWED");
        assertThat(this.siteRun.site.requests()).doesNotContain("/private/issue-123.pdf")
            .filteredOn(p -> p.startsWith("/weekly/")).containsExactly("/weekly/", "/weekly/p2");
        assertThat(this.siteRun.storedPdfs()).as("nothing but the two issues stored").isEqualTo(2);
        assertThat(this.siteRun.issuesCounted("failed", "NOT_PDF")).isEqualTo(1);
        assertThat(this.siteRun.issuesCounted("failed", "ROBOTS_DISALLOWED")).isEqualTo(1);
        assertThat(this.siteRun.issuesCounted("duplicate", "SAME_BYTES")).isEqualTo(1);
    }

    @Test
    void aDownloadCutOffMidwayIsRejectedAsTruncatedAndTheNextIssueIsStillAnnounced() throws Exception {
        try (CutOffServer server = new CutOffServer()) {
            server.cutOff("/issue-130.pdf", "%PDF-1.7 the first bytes".getBytes(StandardCharsets.US_ASCII), 5000);
            this.http = this.siteRun.crawler.allow(server.uri("/")).build();
            this.siteRun.site.serve("/issue-131.pdf", "%PDF-1.7 issue 131".getBytes(StandardCharsets.US_ASCII));
            IssueDiscovery discovery = () -> IssueDiscovery.Discovered.of(
                    List.of(IssueLink.of(server.uri("/issue-130.pdf")), IssueLink.of(this.siteRun.uri("/issue-131.pdf"))));

            IngestReport report = ingestor(discovery).run();

            assertThat(report.rejected()).singleElement().asString().contains("issue-130", "TRUNCATED");
            assertThat(report.published()).containsExactly("issue-131");
            assertThat(this.siteRun.issuesCounted("failed", "TRUNCATED")).isEqualTo(1);
        }
    }

    @Test
    void theSameBytesAtTwoUrlsAreAnnouncedOnce() throws Exception {
        this.siteRun.site.serve("/a/issue-121.pdf", ISSUE_121).serve("/b/issue-121.pdf", ISSUE_121);
        IssueDiscovery discovery = () -> IssueDiscovery.Discovered.of(
                List.of(IssueLink.of(this.siteRun.uri("/a/issue-121.pdf")),
                        IssueLink.of(this.siteRun.uri("/b/issue-121.pdf"))));

        IngestReport report = ingestor(discovery).run();

        assertThat(this.siteRun.announced).hasSize(1);
        assertThat(report.duplicates()).hasSize(1);
        assertThat(report.hasFailures()).isFalse();
    }

    @Test
    void theStatusViewAccountsForTheSecondUrlOfTheSameBytes() throws Exception {
        this.siteRun.site.serve("/a/issue-121.pdf", ISSUE_121).serve("/b/issue-121.pdf", ISSUE_121)
            .serve("/issue-124.pdf", "<html>gone</html>".getBytes(StandardCharsets.US_ASCII));
        IssueDiscovery discovery = () -> IssueDiscovery.Discovered.of(
                List.of(IssueLink.of(this.siteRun.uri("/a/issue-121.pdf")),
                        IssueLink.of(this.siteRun.uri("/b/issue-121.pdf")), IssueLink.of(this.siteRun.uri("/issue-124.pdf"))));

        ingestor(discovery).run();

        RunSummary run = this.siteRun.ledger.runs().get(0);
        assertThat(run.found()).isEqualTo(3);
        assertThat(run.announced()).isEqualTo(1);
        assertThat(run.duplicates()).isEqualTo(1);
        assertThat(run.rejected()).isEqualTo(1);
        assertThat(run.announced() + run.unchanged() + run.duplicates() + run.rejected() + run.failed()
                + run.permanentlyFailed()).as("every candidate found is accounted for").isEqualTo(run.found());
        assertThat(run.reasons()).anySatisfy(r -> assertThat(r).contains("/b/issue-121.pdf", "SAME_BYTES", "/a/issue-121.pdf"))
            .anySatisfy(r -> assertThat(r).contains("issue-124", "NOT_PDF"));
    }

    @Test
    void everyFaultEndsInARecordedOutcomeAndTheRunGoesOn() throws Exception {
        byte[] issue125 = "%PDF-1.7 issue 125".getBytes(StandardCharsets.US_ASCII);
        try (FixtureWebsite otherPort = new FixtureWebsite(); parkworld.pipeline.ingest.fetch.FaultServer faults =
                new parkworld.pipeline.ingest.fetch.FaultServer()) {
            otherPort.serve("/files/issue-123.pdf", ISSUE_124);
            faults.drip("/drip.pdf", "%PDF-1.7 ".getBytes(StandardCharsets.US_ASCII), 50_000, Duration.ofMillis(20))
                .endless("/huge.pdf", "%PDF-1.7 ".getBytes(StandardCharsets.US_ASCII));
            this.siteRun.site.serve("/files/issue-121.pdf", 500, new byte[0], Map.of()).serve("/files/issue-121.pdf", ISSUE_121)
                .serve("/files/issue-122.pdf", 503, new byte[0], Map.of("Retry-After", "1"))
                .serve("/files/issue-122.pdf", "%PDF-1.7 issue 122".getBytes(StandardCharsets.US_ASCII))
                .serve("/files/issue-123.pdf", 302, new byte[0], Map.of("Location", otherPort.uri("/files/issue-123.pdf").toString()))
                .serve("/files/loop.pdf", 302, new byte[0], Map.of("Location", "/files/loop.pdf?again"))
                .serve("/files/issue-126.pdf", 200, "<html>not found</html>".getBytes(StandardCharsets.US_ASCII), Map.of())
                .serve("/files/issue-125.pdf", issue125);
            this.siteRun.crawler.allow(faults.uri("/"));
            this.siteRun.crawler.maxAttempts = 2;
            this.siteRun.crawler.documentDeadline = Duration.ofMillis(700);
            this.http = this.siteRun.crawler.build();
            List<java.net.URI> urls = List.of(this.siteRun.uri("/files/issue-121.pdf"),
                    this.siteRun.uri("/files/issue-122.pdf"), this.siteRun.uri("/files/issue-123.pdf"),
                    this.siteRun.uri("/files/loop.pdf"), faults.uri("/drip.pdf"), faults.uri("/huge.pdf"),
                    this.siteRun.uri("/files/issue-126.pdf"), this.siteRun.uri("/files/issue-125.pdf"));
            IssueDiscovery discovery = () -> IssueDiscovery.Discovered.of(urls.stream().map(IssueLink::of).toList());

            IngestReport report = ingestor(discovery).run();

            assertThat(report.published()).containsExactly("issue-121", "issue-122", "issue-125");
            assertThat(report.rejected()).singleElement().asString().contains("issue-126", "NOT_PDF");
            assertThat(report.failures()).hasSize(4).anySatisfy(f -> assertThat(f).contains("issue-123", "HOST_NOT_ALLOWED"))
                .anySatisfy(f -> assertThat(f).contains("REDIRECT_LOOP"))
                .anySatisfy(f -> assertThat(f).contains("drip", "DEADLINE"))
                .anySatisfy(f -> assertThat(f).contains("huge", "TOO_LARGE"));
            assertThat(otherPort.requests()).isEmpty();
            assertThat(this.siteRun.storedPdfs()).as("only the three issues").isEqualTo(3);
            try (Stream<Path> left = Files.list(TestCrawler.DOWNLOADS)) {
                assertThat(left.filter(p -> p.toString().endsWith(".part"))).as("nothing half-downloaded left").isEmpty();
            }
            assertThat(this.siteRun.issuesCounted("published", "none")).isEqualTo(3);
            assertThat(this.siteRun.issuesCounted("failed", "DEADLINE")).isEqualTo(1);
            assertThat(this.siteRun.issuesCounted("failed", "TOO_LARGE")).isEqualTo(1);
            assertThat(this.siteRun.meters.counter(PipelineMeters.INGEST_HOST_BACKOFFS, PipelineMeters.TAG_HOST, "127.0.0.1",
                    PipelineMeters.TAG_REASON, "RETRY_AFTER").count()).isEqualTo(1);
            assertThat(this.siteRun.meters.counter(PipelineMeters.INGEST_ROBOTS_VERDICTS, PipelineMeters.TAG_HOST, "127.0.0.1",
                    PipelineMeters.TAG_OUTCOME, "allowed").count()).isGreaterThanOrEqualTo(8);
            assertThat(this.siteRun.meters.find(PipelineMeters.INGEST_FETCH_REQUESTS).tag(PipelineMeters.TAG_OUTCOME, "2xx")
                .counter().count()).isGreaterThanOrEqualTo(3);
            assertThat(this.siteRun.meters.find(PipelineMeters.INGEST_FETCH_DURATION).timers()).isNotEmpty();
        }
    }

    @Test
    void aListingOfRepeatedBaseTagsIsReadInLinearTime() throws Exception {
        // The regular expression this replaced took quadratic time over such a page.
        String listing = "<base ".repeat(100_000) + "><a href=/files/issue-121.pdf>总121期</a>";
        this.siteRun.site.serve("/weekly/", listing.getBytes(StandardCharsets.UTF_8)).serve("/files/issue-121.pdf", ISSUE_121);
        DiscoveryProperties defaults = new Binder().bindOrCreate("parkworld.ingest.discovery", DiscoveryProperties.class);
        ListingPageDiscovery discovery = new ListingPageDiscovery(List.of(this.siteRun.uri("/weekly/")), this.http,
                this.siteRun.crawler.hostPolicy(), defaults, this.siteRun.meters);

        IssueDiscovery.Discovered found = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                discovery::discover);

        assertThat(found.links()).extracting(IssueLink::issueKey).containsExactly("issue-121");
    }
}
