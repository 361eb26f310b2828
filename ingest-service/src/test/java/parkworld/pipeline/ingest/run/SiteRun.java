package parkworld.pipeline.ingest.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.state.InMemoryLedger;

/**
 * Whole ingest runs against a stand-in of the site: the site, a {@link TestCrawler} allowed on it that counts into
 * the run's meters, an in-memory ledger, a folder of blobs, a fixed clock; each {@link #ingestor} is made of them
 * with a 100,000-byte document limit and three attempts per candidate. Close it to stop the site.
 */
final class SiteRun implements AutoCloseable {

    static final long MAX_DOCUMENT_BYTES = 100_000;

    final FixtureWebsite site;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final InMemoryLedger ledger = new InMemoryLedger();
    /** What the runs announced, in order. */
    final List<IssueFetched> announced = this.ledger.announced();
    final Clock clock;
    /** Allowed on the site; change its settings before {@link TestCrawler#build()}. */
    final TestCrawler crawler;
    final Path blobs;

    SiteRun(Instant now, Path blobs) throws IOException {
        this.site = new FixtureWebsite();
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        this.crawler = new TestCrawler().allow(this.site.uri("/"));
        this.crawler.meters = this.meters;
        this.blobs = blobs;
    }

    /** The address of a path on the site. */
    URI uri(String path) {
        return this.site.uri(path);
    }

    IssueIngestor ingestor(IssueDiscovery discovery, PoliteHttpClient http) throws IOException {
        return new IssueIngestor(discovery, new DocumentReader(http, MAX_DOCUMENT_BYTES, TestCrawler.DOWNLOADS),
                new LocalDirectoryBlobStore(this.blobs), this.ledger, 3, "test",
                new RunProgress(this.clock, Duration.ofMinutes(1), this.meters), this.clock, this.meters);
    }

    /** The PDFs stored in the blob folder. */
    long storedPdfs() throws IOException {
        try (Stream<Path> stored = Files.list(this.blobs)) {
            return stored.filter(p -> p.toString().endsWith(".pdf")).count();
        }
    }

    /** The issues counted with this outcome and reason ({@link PipelineMeters#INGEST_ISSUES}). */
    double issuesCounted(String outcome, String reason) {
        return this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, outcome,
                PipelineMeters.TAG_REASON, reason).count();
    }

    @Override
    public void close() {
        this.site.close();
    }
}
