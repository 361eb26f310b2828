package parkworld.pipeline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.fetch.FaultServer;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.run.DocumentReader;
import parkworld.pipeline.ingest.run.IssueIngestor;
import parkworld.pipeline.ingest.run.RunProgress;
import parkworld.pipeline.ingest.state.CandidateStatus;
import parkworld.pipeline.ingest.state.InMemoryLedger;

/**
 * A run past its deadline while a server drips a document byte by byte: the download does not answer the interrupt
 * (a blocking socket read), so the abandoned run keeps the slot until its document deadline cuts the download off;
 * then it stops before the next candidate, and only then may a new run start.
 */
class AbandonedRunTests {

    @TempDir
    Path source;

    @TempDir
    Path blobs;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final InMemoryLedger ledger = new InMemoryLedger();

    @Test
    void anAbandonedRunStopsAfterTheDocumentItHangsOnAndNoOtherRunOverlapsIt() throws Exception {
        try (FaultServer site = new FaultServer()) {
            site.drip("/hanging.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 1_000_000,
                    Duration.ofMillis(100));
            URI hanging = site.uri("/hanging.pdf");
            Path next = Files.write(this.source.resolve("issue-2.pdf"), "%PDF-2".getBytes(StandardCharsets.US_ASCII));
            TestCrawler crawler = new TestCrawler().allow(site.uri("/"));
            crawler.documentDeadline = Duration.ofSeconds(5);
            crawler.maxDocumentBytes = 2_000_000;
            IssueDiscovery listing = () -> IssueDiscovery.Discovered
                .of(List.of(IssueLink.of(hanging), IssueLink.of(next.toUri())));
            IssueIngestor ingestor = new IssueIngestor(listing,
                    new DocumentReader(crawler.build(), 2_000_000, TestCrawler.DOWNLOADS),
                    new LocalDirectoryBlobStore(this.blobs), this.ledger, 5, "test",
                    new RunProgress(Clock.systemUTC(), Duration.ofMinutes(1), this.meters), Clock.systemUTC(),
                    this.meters);
            IngestScheduler scheduler = new IngestScheduler(ingestor::run, () -> { }, Duration.ofMillis(1500),
                    Duration.ofSeconds(15), this.meters);

            AtomicBoolean firstRan = new AtomicBoolean(true);
            Thread weekly = new Thread(() -> firstRan.set(scheduler.trigger("schedule 0 0 6 * * MON")));
            weekly.start();
            // Past the run deadline, before the document deadline: abandoned, still on its download.
            Thread.sleep(3000);
            boolean duringTheStop = scheduler.trigger("operator");
            String underWay = scheduler.runUnderWay().orElse("");
            weekly.join(20_000);

            assertThat(weekly.isAlive()).as("the trigger's wait is bounded").isFalse();
            assertThat(firstRan.get()).as("abandoned").isFalse();
            assertThat(duringTheStop).as("refused while the abandoned run stops").isFalse();
            assertThat(underWay).contains("abandoned past its deadline and still stopping");
            assertThat(this.meters.counter(PipelineMeters.INGEST_TRIGGERS_REFUSED, "trigger", "operator",
                    PipelineMeters.TAG_REASON, "abandoned_run_still_stopping").count()).isEqualTo(1);
            assertThat(scheduler.isRunning()).as("its thread ended within the wait").isFalse();
            assertThat(this.ledger.candidate(hanging.toASCIIString()).lastError()).startsWith("DEADLINE");
            assertThat(this.ledger.announced()).as("it stopped before the next candidate").isEmpty();
            assertThat(this.ledger.runs()).as("an interrupted run records no summary").isEmpty();

            site.drip("/hanging.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 9, Duration.ofMillis(1));
            // The slot is free: the next trigger may start a run. (Taken and given back rather than run here: a run
            // on this scheduler must end within its short test deadline, which a loaded machine does not promise.)
            IngestScheduler.Slot free = scheduler.claim("schedule 0 0 6 * * MON").orElseThrow();
            scheduler.release(free);
            assertThat(scheduler.isRunning()).isFalse();
            // What the abandoned run left is consistent: the next run goes on from it.
            ingestor.run("schedule 0 0 6 * * MON");
            assertThat(this.ledger.announced()).extracting(IssueFetched::issueKey).contains("issue-2");
            assertThat(this.ledger.candidate(next.toUri().toASCIIString()).status())
                .isEqualTo(CandidateStatus.ANNOUNCED);
        }
    }
}
