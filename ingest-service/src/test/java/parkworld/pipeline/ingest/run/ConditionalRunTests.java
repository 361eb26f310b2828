package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.discovery.IssueLink;
import parkworld.pipeline.ingest.state.CandidateState;
import parkworld.pipeline.ingest.state.CandidateStatus;
import parkworld.pipeline.ingest.state.RunSummary;

/**
 * Runs after the first against a server that honours conditional GET: the validators the server gave are kept in the
 * candidate's state and sent back, so an unchanged issue costs a 304 and nothing is downloaded or announced; a changed
 * one is downloaded and announced again; a candidate whose last attempt failed is asked for in full.
 */
class ConditionalRunTests {

    private static final String PATH = "/files/issue-121.pdf";
    private static final byte[] ISSUE_121 = "%PDF-1.7 issue 121".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ISSUE_121_CORRECTED = "%PDF-1.7 issue 121, corrected".getBytes(StandardCharsets.US_ASCII);
    private static final String MONDAY = "Mon, 05 Jan 2026 06:00:00 GMT";
    private static final String TUESDAY = "Tue, 06 Jan 2026 06:00:00 GMT";

    private final SiteRun siteRun;
    private final URI issue;

    ConditionalRunTests(@TempDir Path blobs) throws Exception {
        this.siteRun = new SiteRun(Instant.parse("2026-01-07T06:00:00Z"), blobs);
        this.issue = this.siteRun.uri(PATH);
    }

    @AfterEach
    void stop() {
        this.siteRun.close();
    }

    private IngestReport run() throws Exception {
        IssueDiscovery listing = () -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(this.issue)));
        return this.siteRun.ingestor(listing, this.siteRun.crawler.build()).run();
    }

    @Test
    void theSecondUrlOfTheSameBytesCostsA304OnTheNextRunToo() throws Exception {
        // Seen on a stand-in of the site: the copy at a second URL was downloaded in full on the second run.
        URI copy = this.siteRun.uri("/uploads/copy-121.pdf");
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);
        this.siteRun.site.serveDocument("/uploads/copy-121.pdf", ISSUE_121, "\"c1\"", MONDAY);
        IssueDiscovery listing = () -> IssueDiscovery.Discovered.of(List.of(IssueLink.of(this.issue), IssueLink.of(copy)));
        IssueIngestor ingestor = this.siteRun.ingestor(listing, this.siteRun.crawler.build());

        IngestReport first = ingestor.run();
        IngestReport second = ingestor.run();

        assertThat(first.duplicates()).hasSize(1);
        assertThat(this.siteRun.ledger.candidate(copy.toASCIIString()))
            .satisfies(state -> assertThat(state.status()).isEqualTo(CandidateStatus.ANNOUNCED))
            .satisfies(state -> assertThat(state.etag()).isEqualTo("\"c1\""));
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(lastRun().notModified()).isEqualTo(2);
        assertThat(this.siteRun.announced).hasSize(1);
        List<Integer> statuses = this.siteRun.site.statuses();
        assertThat(statuses.subList(statuses.size() - 2, statuses.size())).containsExactly(304, 304);
    }

    private CandidateState state() {
        return this.siteRun.ledger.candidate(this.issue.toASCIIString());
    }

    private RunSummary lastRun() {
        return this.siteRun.ledger.runs().get(0);
    }

    /** The headers of the last request for the issue (robots.txt is asked for too). */
    private Map<String, String> lastIssueRequest() {
        List<String> paths = this.siteRun.site.requests();
        for (int i = paths.size() - 1; i >= 0; i--) {
            if (paths.get(i).equals(PATH)) {
                return this.siteRun.site.requestHeaders().get(i);
            }
        }
        throw new AssertionError("the issue was never requested");
    }

    private int lastIssueStatus() {
        List<String> paths = this.siteRun.site.requests();
        for (int i = paths.size() - 1; i >= 0; i--) {
            if (paths.get(i).equals(PATH)) {
                return this.siteRun.site.statuses().get(i);
            }
        }
        throw new AssertionError("the issue was never requested");
    }

    @Test
    void storesTheValidatorsTheServerSentWithTheAnnouncedCandidate() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);

        IngestReport first = run();

        assertThat(first.published()).containsExactly("issue-121");
        assertThat(lastIssueRequest()).as("nothing known yet: an unconditional GET")
            .doesNotContainKeys("If-None-Match", "If-Modified-Since");
        assertThat(state().status()).isEqualTo(CandidateStatus.ANNOUNCED);
        assertThat(state().etag()).isEqualTo("\"v1\"");
        assertThat(state().lastModified()).isEqualTo(MONDAY);
        assertThat(lastRun().notModified()).isZero();
    }

    @Test
    void anUnchangedIssueCostsA304AndIsNeitherDownloadedNorAnnouncedAgain() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);
        run();
        CandidateState afterFirst = state();

        IngestReport second = run();

        assertThat(lastIssueRequest()).containsEntry("If-None-Match", "\"v1\"").containsEntry("If-Modified-Since", MONDAY);
        assertThat(lastIssueStatus()).isEqualTo(304);
        assertThat(second.published()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(second.hasFailures()).isFalse();
        assertThat(this.siteRun.announced).hasSize(1);
        assertThat(this.siteRun.storedPdfs()).isEqualTo(1);
        assertThat(state()).as("a 304 changes nothing in the state").isEqualTo(afterFirst);
        assertThat(lastRun().notModified()).isEqualTo(1);
        assertThat(lastRun().unchanged()).isEqualTo(1);
        assertThat(lastRun().announced()).isZero();
        assertThat(this.siteRun.issuesCounted("unchanged", "NOT_MODIFIED")).isEqualTo(1);
    }

    @Test
    void aServerWithoutETagsAnswers304ToIfModifiedSince() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, null, MONDAY);
        run();

        IngestReport second = run();

        assertThat(state().etag()).isNull();
        assertThat(lastIssueRequest()).containsEntry("If-Modified-Since", MONDAY).doesNotContainKey("If-None-Match");
        assertThat(lastIssueStatus()).isEqualTo(304);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(this.siteRun.announced).hasSize(1);
        assertThat(lastRun().notModified()).isEqualTo(1);
    }

    @Test
    void aChangedIssueIsDownloadedAndAnnouncedAgainWithItsNewValidators() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);
        run();
        this.siteRun.site.serveDocument(PATH, ISSUE_121_CORRECTED, "\"v2\"", TUESDAY);

        IngestReport second = run();

        assertThat(lastIssueRequest()).as("the old validators were sent").containsEntry("If-None-Match", "\"v1\"");
        assertThat(lastIssueStatus()).isEqualTo(200);
        assertThat(second.published()).containsExactly("issue-121");
        assertThat(this.siteRun.announced).hasSize(2);
        assertThat(this.siteRun.announced.get(1).sha256()).isNotEqualTo(this.siteRun.announced.get(0).sha256());
        assertThat(Path.of(URI.create(this.siteRun.announced.get(1).blobUri()))).hasBinaryContent(ISSUE_121_CORRECTED);
        assertThat(state().etag()).isEqualTo("\"v2\"");
        assertThat(state().lastModified()).isEqualTo(TUESDAY);
        assertThat(state().sha256()).isEqualTo(this.siteRun.announced.get(1).sha256());
        assertThat(lastRun().notModified()).isZero();
        assertThat(lastRun().announced()).isEqualTo(1);

        IngestReport third = run();

        assertThat(lastIssueRequest()).containsEntry("If-None-Match", "\"v2\"");
        assertThat(third.unchanged()).isEqualTo(1);
        assertThat(lastRun().notModified()).isEqualTo(1);
        assertThat(this.siteRun.announced).hasSize(2);
    }

    @Test
    void newValidatorsForTheSameBytesAreStoredWithoutAnnouncingAgain() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);
        run();
        // A re-upload of the same file: new ETag and date, the same bytes.
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1-reuploaded\"", TUESDAY);

        IngestReport second = run();

        assertThat(lastIssueStatus()).isEqualTo(200);
        assertThat(second.published()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(this.siteRun.announced).hasSize(1);
        assertThat(state().etag()).isEqualTo("\"v1-reuploaded\"");
        assertThat(state().lastModified()).isEqualTo(TUESDAY);
        assertThat(lastRun().notModified()).as("downloaded, so not a 304").isZero();

        run();

        assertThat(lastIssueRequest()).containsEntry("If-None-Match", "\"v1-reuploaded\"");
        assertThat(lastIssueStatus()).isEqualTo(304);
    }

    @Test
    void aCandidateWhoseLastAttemptFailedIsFetchedWithoutValidators() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);
        run();
        this.siteRun.site.serve(PATH, 500, new byte[0], Map.of());
        IngestReport failing = run();
        assertThat(failing.failures()).singleElement().asString().contains("issue-121");
        assertThat(state().status()).isEqualTo(CandidateStatus.FAILED);
        assertThat(state().etag()).as("kept from the announcement").isEqualTo("\"v1\"");
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);

        IngestReport retry = run();

        assertThat(lastIssueRequest()).as("a failed candidate is asked for in full")
            .doesNotContainKeys("If-None-Match", "If-Modified-Since");
        assertThat(lastIssueStatus()).isEqualTo(200);
        assertThat(retry.unchanged()).as("the same bytes as announced before").isEqualTo(1);
        assertThat(this.siteRun.announced).as("not announced twice").hasSize(1);
        assertThat(state().status()).isEqualTo(CandidateStatus.ANNOUNCED);
        assertThat(state().attempts()).isZero();
        assertThat(lastRun().notModified()).isZero();
    }

    @Test
    void aCandidateRejectedAfterItsAnnouncementIsFetchedWithoutValidatorsAndCountsAsAnnouncedAgain() throws Exception {
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);
        run();
        this.siteRun.site.serveDocument(PATH, "<html>maintenance</html>".getBytes(StandardCharsets.US_ASCII), "\"error\"",
                TUESDAY);
        IngestReport rejected = run();
        assertThat(rejected.rejected()).singleElement().asString().contains("NOT_PDF");
        assertThat(state().status()).isEqualTo(CandidateStatus.REJECTED);
        // The announced document is back: a conditional GET with the announcement's validators would get a 304 and
        // leave the candidate REJECTED for good.
        this.siteRun.site.serveDocument(PATH, ISSUE_121, "\"v1\"", MONDAY);

        IngestReport retry = run();

        assertThat(lastIssueRequest()).doesNotContainKeys("If-None-Match", "If-Modified-Since");
        assertThat(lastIssueStatus()).isEqualTo(200);
        assertThat(retry.unchanged()).isEqualTo(1);
        assertThat(this.siteRun.announced).hasSize(1);
        assertThat(state().status()).isEqualTo(CandidateStatus.ANNOUNCED);
        assertThat(state().etag()).isEqualTo("\"v1\"");
    }
}
