package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.state.InMemoryLedger;
import parkworld.pipeline.ingest.store.LocalDirectoryBlobStore;

/**
 * A whole run against a misbehaving stand-in of the site: every bad case ends in a recorded outcome with its reason,
 * and the run goes on with the other issues.
 */
class IngestFaultsTests {

    private static final byte[] ISSUE_121 = "%PDF-1.7 issue 121".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ISSUE_124 = "%PDF-1.7 issue 124".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path blobs;

    private final FixtureWebsite site;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<IssueFetched> announced = this.ledger.announced();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T06:00:00Z"), ZoneOffset.UTC);
    private final PoliteHttpClient http;

    IngestFaultsTests() throws Exception {
        this.site = new FixtureWebsite();
        this.http = new PoliteHttpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                new HostPolicy(Set.of("127.0.0.1")),
                new PoliteHttpClient.CrawlSettings("parkworld-pipeline/0.1 (+http://example.test)", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO, 100_000, Duration.ofSeconds(10)),
                this.clock, new Random(3), d -> { });
    }

    @AfterEach
    void stop() {
        this.site.close();
    }

    private IssueIngestor ingestor(IssueDiscovery discovery) throws Exception {
        return new IssueIngestor(discovery, new DocumentReader(this.http, 100_000), new LocalDirectoryBlobStore(this.blobs),
                this.ledger, 3, "test", new RunProgress(this.clock, Duration.ofMinutes(1), this.meters), this.clock,
                this.meters);
    }

    private double counted(String outcome, String reason) {
        return this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, outcome,
                PipelineMeters.TAG_REASON, reason).count();
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
        this.site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8))
            .serve("/weekly/", 200, page1.getBytes(Charset.forName("GBK")), Map.of("Content-Type", "text/html"))
            .serve("/weekly/p2", page2.getBytes(Charset.forName("GBK")))
            .serve("/files/issue-121.pdf", ISSUE_121)
            .serve("/download.php", ISSUE_121)
            .serve("/files/issue-122.pdf", 200, "<!DOCTYPE html><html><body>404 页面不存在</body></html>"
                .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/html"))
            .serve("/private/issue-123.pdf", "%PDF-1.7 private".getBytes(StandardCharsets.US_ASCII))
            .serve("/files/issue-124.pdf", ISSUE_124);
        DiscoveryProperties defaults = new Binder().bindOrCreate("parkworld.ingest.discovery", DiscoveryProperties.class);
        ListingPageDiscovery discovery = new ListingPageDiscovery(List.of(this.site.uri("/weekly/")), this.http,
                new HostPolicy(Set.of("127.0.0.1")), defaults, this.meters);

        IngestReport report = ingestor(discovery).run();

        assertThat(report.discovered()).isEqualTo(5);
        assertThat(report.published()).containsExactly("issue-121", "issue-124");
        assertThat(this.announced).extracting(IssueFetched::sourceUrl)
            .containsExactly(this.site.uri("/files/issue-121.pdf").toString(), this.site.uri("/files/issue-124.pdf").toString());
        assertThat(report.duplicates()).singleElement().asString().contains("download.php?id=121", "SAME_BYTES",
                "/files/issue-121.pdf");
        assertThat(report.rejected()).singleElement().asString().contains("issue-122", "NOT_PDF", "<!DOCTYPE html>");
        assertThat(report.failures()).singleElement().asString().contains("issue-123", "ROBOTS_DISALLOWED");
        assertThat(this.site.requests()).doesNotContain("/private/issue-123.pdf")
            .filteredOn(p -> p.startsWith("/weekly/")).containsExactly("/weekly/", "/weekly/p2");
        try (Stream<Path> stored = Files.list(this.blobs)) {
            assertThat(stored.filter(p -> p.toString().endsWith(".pdf"))).as("nothing but the two issues stored").hasSize(2);
        }
        assertThat(counted("failed", "NOT_PDF")).isEqualTo(1);
        assertThat(counted("failed", "ROBOTS_DISALLOWED")).isEqualTo(1);
        assertThat(counted("duplicate", "SAME_BYTES")).isEqualTo(1);
    }

    @Test
    void aDownloadCutOffMidwayIsRejectedAsTruncatedAndTheNextIssueIsStillAnnounced() throws Exception {
        try (CutOffServer server = new CutOffServer()) {
            server.cutOff("/issue-130.pdf", "%PDF-1.7 the first bytes".getBytes(StandardCharsets.US_ASCII), 5000);
            this.site.serve("/issue-131.pdf", "%PDF-1.7 issue 131".getBytes(StandardCharsets.US_ASCII));
            IssueDiscovery discovery = () -> IssueDiscovery.Discovered.of(
                    List.of(IssueLink.of(server.uri("/issue-130.pdf")), IssueLink.of(this.site.uri("/issue-131.pdf"))));

            IngestReport report = ingestor(discovery).run();

            assertThat(report.rejected()).singleElement().asString().contains("issue-130", "TRUNCATED");
            assertThat(report.published()).containsExactly("issue-131");
            assertThat(counted("failed", "TRUNCATED")).isEqualTo(1);
        }
    }

    @Test
    void theSameBytesAtTwoUrlsAreAnnouncedOnce() throws Exception {
        this.site.serve("/a/issue-121.pdf", ISSUE_121).serve("/b/issue-121.pdf", ISSUE_121);
        IssueDiscovery discovery = () -> IssueDiscovery.Discovered.of(
                List.of(IssueLink.of(this.site.uri("/a/issue-121.pdf")), IssueLink.of(this.site.uri("/b/issue-121.pdf"))));

        IngestReport report = ingestor(discovery).run();

        assertThat(this.announced).hasSize(1);
        assertThat(report.duplicates()).hasSize(1);
        assertThat(report.hasFailures()).isFalse();
    }
}
