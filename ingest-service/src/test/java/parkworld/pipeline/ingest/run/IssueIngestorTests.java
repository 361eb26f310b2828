package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.FolderDiscovery;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.ingest.store.LocalDirectoryPublishedMarks;

class IssueIngestorTests {

    @TempDir
    Path source;

    @TempDir
    Path blobs;


    @TempDir

    Path marks;

    private final List<IssueFetched> announced = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2023-05-30T07:00:00Z"), ZoneOffset.UTC);

    private IssueIngestor ingestor(IssueAnnouncer announcer) throws Exception {
        return new IssueIngestor(new FolderDiscovery(this.source), reader(), new LocalDirectoryBlobStore(this.blobs),
                new LocalDirectoryPublishedMarks(this.marks),
                announcer, this.clock, this.meters);
    }

    private DocumentReader reader() {
        return new DocumentReader(new TestCrawler().build(), 1000, TestCrawler.DOWNLOADS);
    }

    @Test
    void announcesEachNewIssueWithAValidEvent() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        Files.write(this.source.resolve("issue-122.pdf"), "%PDF-122".getBytes());

        IngestReport report = ingestor(this.announced::add).run();

        assertThat(report.published()).containsExactly("issue-121", "issue-122");
        assertThat(this.announced).extracting(IssueFetched::issueKey).containsExactly("issue-121", "issue-122");
        IssueFetched first = this.announced.get(0);
        assertThat(Path.of(java.net.URI.create(first.blobUri()))).hasBinaryContent("%PDF-121".getBytes());
        assertThat(first.fetchedAt()).isEqualTo(this.clock.instant());
        assertThat(EventType.ISSUE_FETCHED.violations(EventJson.write(first))).isEmpty();
    }

    @Test
    void announcesALinkWithChineseCharactersAsAPercentEncodedUri() throws Exception {
        Path pdf = Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        // As a listing page yields it: java.net.URI keeps non-ASCII characters of a link as they are.
        java.net.URI chinese = new java.net.URI("file", null, pdf.toAbsolutePath().getParent() + "/园区周报 总121期.pdf",
                null);
        Files.move(pdf, Path.of(chinese));
        IssueDiscovery listing = () -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(chinese)));
        IssueIngestor ingestor = new IssueIngestor(listing, reader(), new LocalDirectoryBlobStore(this.blobs),
                new LocalDirectoryPublishedMarks(this.marks),
                this.announced::add, this.clock, this.meters);

        IngestReport report = ingestor.run();

        assertThat(report.failures()).isEmpty();
        IssueFetched event = this.announced.get(0);
        assertThat(event.sourceUrl()).endsWith("/%E5%9B%AD%E5%8C%BA%E5%91%A8%E6%8A%A5%20%E6%80%BB121%E6%9C%9F.pdf");
        assertThat(EventType.ISSUE_FETCHED.violations(EventJson.write(event))).isEmpty();
    }

    @Test
    void skipsIssueAlreadyAnnouncedWithTheSameBytes() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        ingestor(this.announced::add).run();

        IngestReport again = ingestor(this.announced::add).run();

        assertThat(again.published()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(this.announced).hasSize(1);
    }

    @Test
    void announcesAgainWhenTheIssueWasReplacedByNewBytes() throws Exception {
        Path pdf = this.source.resolve("issue-121.pdf");
        Files.write(pdf, "%PDF-121".getBytes());
        ingestor(this.announced::add).run();
        Files.write(pdf, "%PDF-121 corrected".getBytes());

        ingestor(this.announced::add).run();

        assertThat(this.announced).extracting(IssueFetched::sha256).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void failedAnnouncementIsRetriedOnTheNextRunAndDoesNotStopOthers() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        Files.write(this.source.resolve("issue-122.pdf"), "%PDF-122".getBytes());
        IssueAnnouncer brokerDownFor121 = event -> {
            if (event.issueKey().equals("issue-121")) {
                throw new IllegalStateException("broker unavailable");
            }
            this.announced.add(event);
        };

        IngestReport report = ingestor(brokerDownFor121).run();
        IngestReport retry = ingestor(this.announced::add).run();

        assertThat(report.failures()).singleElement().asString().contains("issue-121", "broker unavailable");
        assertThat(report.published()).containsExactly("issue-122");
        assertThat(retry.published()).containsExactly("issue-121");
        assertThat(this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, "failed", PipelineMeters.TAG_REASON,
                "IllegalStateException").count()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyDocumentAsEmptyNotAsAnInvalidEvent() throws Exception {
        Files.write(this.source.resolve("issue-202.pdf"), new byte[0]);

        IngestReport report = ingestor(this.announced::add).run();

        assertThat(report.rejected()).singleElement().asString().contains("issue-202", "EMPTY");
        assertThat(this.announced).isEmpty();
        assertThat(this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, "failed",
                PipelineMeters.TAG_REASON, "EMPTY").count()).isEqualTo(1);
        assertThat(this.meters.find(PipelineMeters.INVALID_EVENTS).counter()).as("not a producer defect").isNull();
    }

    @Test
    void refusesFileLargerThanTheCap() throws Exception {
        Files.write(this.source.resolve("huge.pdf"), new byte[2000]);

        IngestReport report = ingestor(this.announced::add).run();

        assertThat(report.failures()).singleElement().asString().contains("TOO_LARGE");
        assertThat(this.announced).isEmpty();
    }
}
