package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.blob.StoredBlob;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.FolderDiscovery;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.state.CandidateStatus;
import parkworld.pipeline.ingest.state.InMemoryLedger;
import parkworld.pipeline.ingest.state.RunSummary;

class IssueIngestorTests {

    @TempDir
    Path source;

    @TempDir
    Path blobs;

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<IssueFetched> announced = this.ledger.announced();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2023-05-30T07:00:00Z"), ZoneOffset.UTC);

    private IssueIngestor ingestor() throws Exception {
        return ingestor(new FolderDiscovery(this.source), 3);
    }

    private IssueIngestor ingestor(IssueDiscovery discovery, int maxAttempts) throws Exception {
        return ingestor(discovery, maxAttempts, new LocalDirectoryBlobStore(this.blobs));
    }

    private IssueIngestor ingestor(IssueDiscovery discovery, int maxAttempts, BlobStore store) {
        return new IssueIngestor(discovery, reader(), store, this.ledger, maxAttempts, "test",
                new RunProgress(this.clock, Duration.ofMinutes(1), this.meters), this.clock, this.meters);
    }

    private double issues(String outcome, String reason) {
        return this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, outcome,
                PipelineMeters.TAG_REASON, reason).count();
    }

    private String urlOf(String file) {
        return this.source.resolve(file).toUri().toASCIIString();
    }

    private Path blobOf(String file) {
        return Path.of(URI.create(this.ledger.candidate(urlOf(file)).blobUri()));
    }

    /** The directory store, whose puts fail as {@code failure} says (null: they succeed). */
    private static final class FailingStore implements BlobStore {

        final LocalDirectoryBlobStore store;
        final AtomicInteger puts = new AtomicInteger();
        volatile java.util.function.IntFunction<Throwable> failure = put -> null;

        FailingStore(Path directory) throws IOException {
            this.store = new LocalDirectoryBlobStore(directory);
        }

        @Override
        public StoredBlob put(Path file, String sha256, long sizeBytes) throws IOException {
            Throwable failed = this.failure.apply(this.puts.incrementAndGet());
            if (failed instanceof IOException io) {
                throw io;
            }
            if (failed instanceof Error error) {
                throw error;
            }
            return this.store.put(file, sha256, sizeBytes);
        }

        @Override
        public java.io.InputStream open(URI blob) throws IOException {
            return this.store.open(blob);
        }

        @Override
        public StoredBlob stat(URI blob) throws IOException {
            return this.store.stat(blob);
        }

        @Override
        public List<StoredBlob> list() throws IOException {
            return this.store.list();
        }

        @Override
        public URI location() {
            return this.store.location();
        }
    }

    private DocumentReader reader() {
        return new DocumentReader(new TestCrawler().build(), 1000, TestCrawler.DOWNLOADS);
    }

    @Test
    void announcesEachNewIssueWithAValidEvent() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        Files.write(this.source.resolve("issue-122.pdf"), "%PDF-122".getBytes());

        IngestReport report = ingestor().run();

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
        IssueIngestor ingestor = ingestor(listing, 3);

        IngestReport report = ingestor.run();

        assertThat(report.failures()).isEmpty();
        IssueFetched event = this.announced.get(0);
        assertThat(event.sourceUrl()).endsWith("/%E5%9B%AD%E5%8C%BA%E5%91%A8%E6%8A%A5%20%E6%80%BB121%E6%9C%9F.pdf");
        assertThat(EventType.ISSUE_FETCHED.violations(EventJson.write(event))).isEmpty();
    }

    @Test
    void skipsIssueAlreadyAnnouncedWithTheSameBytes() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        ingestor().run();

        IngestReport again = ingestor().run();

        assertThat(again.published()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(this.announced).hasSize(1);
    }

    @Test
    void announcesAgainWhenTheIssueWasReplacedByNewBytes() throws Exception {
        Path pdf = this.source.resolve("issue-121.pdf");
        Files.write(pdf, "%PDF-121".getBytes());
        ingestor().run();
        Files.write(pdf, "%PDF-121 corrected".getBytes());

        ingestor().run();

        assertThat(this.announced).extracting(IssueFetched::sha256).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void failedAnnouncementIsRetriedOnTheNextRunAndDoesNotStopOthers() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        Files.write(this.source.resolve("issue-122.pdf"), "%PDF-122".getBytes());
        this.ledger.refuse("issue-121");

        IngestReport report = ingestor().run();
        this.ledger.accept("issue-121");
        IngestReport retry = ingestor().run();

        assertThat(report.failures()).singleElement().asString().contains("issue-121", "broker unavailable");
        assertThat(report.published()).containsExactly("issue-122");
        assertThat(retry.published()).containsExactly("issue-121");
        assertThat(this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, "failed", PipelineMeters.TAG_REASON,
                "STATE_UNAVAILABLE").count()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyDocumentAsEmptyNotAsAnInvalidEvent() throws Exception {
        Files.write(this.source.resolve("issue-202.pdf"), new byte[0]);

        IngestReport report = ingestor().run();

        assertThat(report.rejected()).singleElement().asString().contains("issue-202", "EMPTY");
        assertThat(this.announced).isEmpty();
        assertThat(this.meters.counter(PipelineMeters.INGEST_ISSUES, PipelineMeters.TAG_OUTCOME, "failed",
                PipelineMeters.TAG_REASON, "EMPTY").count()).isEqualTo(1);
        assertThat(this.meters.find(PipelineMeters.INVALID_EVENTS).counter()).as("not a producer defect").isNull();
    }

    @Test
    void refusesFileLargerThanTheCap() throws Exception {
        Files.write(this.source.resolve("huge.pdf"), new byte[2000]);

        IngestReport report = ingestor().run();

        assertThat(report.failures()).singleElement().asString().contains("TOO_LARGE");
        assertThat(this.announced).isEmpty();
    }

    @Test
    void retriesAFailingCandidateUpToTheLimitThenShowsItPermanentlyFailed() throws Exception {
        Files.write(this.source.resolve("issue-300.pdf"), "<html>error</html>".getBytes());
        String url = this.source.resolve("issue-300.pdf").toUri().toASCIIString();

        IngestReport first = ingestor(new FolderDiscovery(this.source), 2).run();
        IngestReport second = ingestor(new FolderDiscovery(this.source), 2).run();
        IngestReport third = ingestor(new FolderDiscovery(this.source), 2).run();

        assertThat(first.rejected()).singleElement().asString().contains("NOT_PDF").doesNotContain("PERMANENTLY");
        assertThat(second.rejected()).singleElement().asString().contains("PERMANENTLY_FAILED after 2 attempts");
        assertThat(third.rejected()).as("no longer tried").isEmpty();
        assertThat(third.permanentlyFailed()).singleElement().asString().contains("issue-300", "NOT_PDF");
        assertThat(this.ledger.candidate(url).status()).isEqualTo(CandidateStatus.PERMANENTLY_FAILED);
        assertThat(this.ledger.runs()).extracting(RunSummary::permanentlyFailed).containsExactly(1, 0, 0);
    }

    @Test
    void anOperatorsBackfillTriesAPermanentlyFailedCandidateAgain() throws Exception {
        Path pdf = Files.write(this.source.resolve("issue-301.pdf"), "<html>error</html>".getBytes());
        ingestor(new FolderDiscovery(this.source), 1).run();
        Files.write(pdf, "%PDF-301".getBytes());

        IngestReport scheduled = ingestor(new FolderDiscovery(this.source), 1).run();
        IngestReport backfill = ingestor(new FolderDiscovery(this.source), 1)
            .run("backfill", new FolderDiscovery(this.source), true);

        assertThat(scheduled.published()).isEmpty();
        assertThat(backfill.published()).containsExactly("issue-301");
    }

    @Test
    void aBackfillOfAListedUrlAnnouncesItUnderTheKeyTheListingGaveIt() throws Exception {
        // A backfill names bare URLs, so its links are keyed by file name (or, for a download endpoint, by a hash of
        // the URL); the listing had said which issue it is.
        Path pdf = Files.write(this.source.resolve("weekly.pdf"), "<html>error</html>".getBytes());
        IssueDiscovery listing = () -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(pdf.toUri(), OptionalLong.of(124))));
        ingestor(listing, 3).run();
        Files.write(pdf, "%PDF-124".getBytes());
        IssueDiscovery backfill = () -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(pdf.toUri())));

        IngestReport report = ingestor(listing, 3).run("backfill 1 URL(s)", backfill, true);

        assertThat(IssueLink.of(pdf.toUri()).issueKey()).isNotEqualTo("issue-124");
        assertThat(report.published()).containsExactly("issue-124");
        assertThat(this.announced).extracting(IssueFetched::issueKey).containsExactly("issue-124");
        assertThat(this.ledger.candidate(urlOf("weekly.pdf")).issueKey()).isEqualTo("issue-124");
    }

    @Test
    void aListingThatNamesTheSerialLaterKeysTheCandidateByIt() throws Exception {
        Path pdf = Files.write(this.source.resolve("weekly.pdf"), "<html>error</html>".getBytes());
        ingestor(() -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(pdf.toUri()))), 3).run();
        Files.write(pdf, "%PDF-124".getBytes());

        ingestor(() -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(pdf.toUri(), OptionalLong.of(124)))), 3).run();

        assertThat(this.announced).extracting(IssueFetched::issueKey).containsExactly("issue-124");
    }

    @Test
    void recordsTheSameBytesAtASecondUrlAsTheSameIssueWithoutAnnouncingAgain() throws Exception {
        Path pdf = Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        ingestor().run();
        Files.move(pdf, this.source.resolve("issue-121-mirror.pdf"));

        IngestReport moved = ingestor().run();

        assertThat(moved.unchanged()).isEqualTo(1);
        assertThat(this.announced).hasSize(1);
        assertThat(this.ledger.candidate(this.source.resolve("issue-121-mirror.pdf").toUri().toASCIIString()).status())
            .isEqualTo(CandidateStatus.ANNOUNCED);
    }

    @Test
    void keepsTheStateOfAnIssueThatLeftTheListing() throws Exception {
        Path pdf = Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        ingestor().run();
        Files.delete(pdf);

        ingestor().run();

        assertThat(this.ledger.candidate(pdf.toUri().toASCIIString()).status()).isEqualTo(CandidateStatus.ANNOUNCED);
    }

    @Test
    void replaysTheStoredIssuesOfASerialRangeWithoutFetching() throws Exception {
        for (int serial = 120; serial <= 123; serial++) {
            Files.write(this.source.resolve("issue-" + serial + ".pdf"), ("%PDF-" + serial).getBytes());
        }
        ingestor().run();
        try (var files = Files.list(this.source)) {
            files.forEach(f -> f.toFile().delete());
        }

        IngestReport replay = ingestor().replay(121, 122);

        assertThat(replay.published()).containsExactlyInAnyOrder("issue-121", "issue-122");
        assertThat(this.announced).hasSize(6);
        assertThat(this.announced.subList(4, 6)).extracting(IssueFetched::issueKey)
            .containsExactlyInAnyOrder("issue-121", "issue-122");
        assertThat(this.ledger.runs().get(0).trigger()).isEqualTo("replay 121..122");
    }

    @Test
    void aReplayAnnouncesNoBlobThatIsGoneAndSaysWhy() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        Files.write(this.source.resolve("issue-122.pdf"), "%PDF-122".getBytes());
        ingestor().run();
        Files.delete(blobOf("issue-121.pdf"));

        IngestReport replay = ingestor().replay(Long.MIN_VALUE, Long.MAX_VALUE);

        assertThat(replay.published()).containsExactly("issue-122");
        assertThat(replay.failures()).singleElement().asString().startsWith("issue-121: BLOB_MISSING");
        assertThat(this.announced).extracting(IssueFetched::issueKey)
            .containsExactlyInAnyOrder("issue-121", "issue-122", "issue-122");
        assertThat(issues("failed", "BLOB_MISSING")).isEqualTo(1);
        assertThat(this.ledger.runs().get(0).outcome()).isEqualTo("partial");
        assertThat(this.ledger.runs().get(0).reasons()).singleElement().asString().contains("BLOB_MISSING");
        var recorded = this.ledger.candidate(urlOf("issue-121.pdf"));
        assertThat(recorded.status()).isEqualTo(CandidateStatus.FAILED);
        assertThat(recorded.lastError()).startsWith("BLOB_MISSING");
        assertThat(recorded.attempts()).as("not the issue's fault: no attempt counted").isZero();
    }

    @Test
    void aReplayAnnouncesNoBlobOfAnotherSize() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        ingestor().run();
        Files.write(blobOf("issue-121.pdf"), "%PDF-1".getBytes());

        IngestReport replay = ingestor().replay(Long.MIN_VALUE, Long.MAX_VALUE);

        assertThat(replay.published()).isEmpty();
        assertThat(replay.failures()).singleElement().asString()
            .contains("issue-121: BLOB_CORRUPT", "has 6 bytes, the state says 8");
        assertThat(this.announced).hasSize(1);
        assertThat(issues("failed", "BLOB_CORRUPT")).isEqualTo(1);
    }

    @Test
    void theNextRunStoresALostBlobAgainSoTheReplayAfterItAnnouncesIt() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        ingestor().run();
        Path blob = blobOf("issue-121.pdf");
        Files.delete(blob);
        ingestor().replay(Long.MIN_VALUE, Long.MAX_VALUE);

        IngestReport next = ingestor().run();
        IngestReport replay = ingestor().replay(Long.MIN_VALUE, Long.MAX_VALUE);

        assertThat(next.published()).as("the same bytes: not announced again").isEmpty();
        assertThat(next.unchanged()).isEqualTo(1);
        assertThat(blob).hasBinaryContent("%PDF-121".getBytes());
        assertThat(this.ledger.candidate(urlOf("issue-121.pdf")).status()).isEqualTo(CandidateStatus.ANNOUNCED);
        assertThat(replay.published()).containsExactly("issue-121");
    }

    @Test
    void aBlobStoredByARunThatDiedBeforeItsCommitIsAnnouncedByTheNextRun() throws Exception {
        Path pdf = Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        // The orphan a crash between storing and committing leaves: named by its sha256, announced by nobody.
        StoredBlob orphan = new LocalDirectoryBlobStore(this.blobs).put(pdf, parkworld.pipeline.contract.Sha256.hex(
                Files.readAllBytes(pdf)), Files.size(pdf));

        IngestReport report = ingestor().run();

        assertThat(report.published()).containsExactly("issue-121");
        assertThat(this.announced).singleElement().extracting(IssueFetched::blobUri)
            .isEqualTo(orphan.uri().toASCIIString());
        assertThat(new LocalDirectoryBlobStore(this.blobs).list()).containsExactly(orphan);
    }

    @Test
    void aBlobStoreThatRefusesFailsTheCandidateWithItsReasonAnnouncesNothingAndCountsNoAttempt() throws Exception {
        Files.write(this.source.resolve("issue-121.pdf"), "%PDF-121".getBytes());
        FailingStore store = new FailingStore(this.blobs);
        store.failure = put -> new IOException("S3 refused access (403 SignatureDoesNotMatch) (storing "
                + "s3://parkworld-blobs/x.pdf at http://127.0.0.1:9000): check the credentials");

        IngestReport first = ingestor(new FolderDiscovery(this.source), 2, store).run();
        IngestReport second = ingestor(new FolderDiscovery(this.source), 2, store).run();
        IngestReport third = ingestor(new FolderDiscovery(this.source), 2, store).run();
        store.failure = put -> null;
        IngestReport fixed = ingestor(new FolderDiscovery(this.source), 2, store).run();

        assertThat(first.failures()).singleElement().asString()
            .startsWith("issue-121: BLOB_STORE_UNAVAILABLE S3 refused access (403 SignatureDoesNotMatch)");
        assertThat(List.of(first.published(), second.published(), third.published())).allMatch(List::isEmpty);
        assertThat(third.permanentlyFailed()).as("a storage outage is not the issue's fault").isEmpty();
        assertThat(issues("failed", "BLOB_STORE_UNAVAILABLE")).isEqualTo(3);
        assertThat(fixed.published()).containsExactly("issue-121");
        assertThat(this.announced).singleElement().extracting(IssueFetched::issueKey).isEqualTo("issue-121");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void aBackfillThatDiedMidRunResumesAfterItsLastCommittedIssueAndAnnouncesNoneTwice() throws Exception {
        for (int serial = 101; serial <= 104; serial++) {
            Files.write(this.source.resolve("issue-" + serial + ".pdf"), ("%PDF-" + serial).getBytes());
        }
        FailingStore store = new FailingStore(this.blobs);
        // The process dies while storing the third issue (an Error nothing catches, as a kill would end it).
        store.failure = put -> put == 3 ? new OutOfMemoryError("simulated crash") : null;
        IssueIngestor crashing = ingestor(new FolderDiscovery(this.source), 3, store);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> crashing.run("backfill folder", new FolderDiscovery(this.source), true))
            .isInstanceOf(OutOfMemoryError.class);
        assertThat(this.announced).extracting(IssueFetched::issueKey).containsExactly("issue-101", "issue-102");

        IngestReport resumed = ingestor(new FolderDiscovery(this.source), 3, store)
            .run("backfill folder", new FolderDiscovery(this.source), true);

        assertThat(resumed.published()).containsExactly("issue-103", "issue-104");
        assertThat(resumed.unchanged()).isEqualTo(2);
        assertThat(this.announced).extracting(IssueFetched::issueKey)
            .containsExactly("issue-101", "issue-102", "issue-103", "issue-104");
    }
}
