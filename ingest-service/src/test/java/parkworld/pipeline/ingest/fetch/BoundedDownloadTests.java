package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static parkworld.pipeline.ingest.fetch.RobotsTxtFetchTests.reasonOf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.contract.Sha256;

/** Bodies are read within bounds: size by bytes received, a deadline, timeouts; streamed to a hashed temp file. */
class BoundedDownloadTests {

    @TempDir
    Path downloads;

    private final FaultServer faults;
    private final FixtureWebsite site;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    BoundedDownloadTests() throws Exception {
        this.faults = new FaultServer();
        this.site = new FixtureWebsite();
    }

    @AfterEach
    void stop() throws IOException {
        this.faults.close();
        this.site.close();
    }

    private TestCrawler crawler() {
        TestCrawler crawler = new TestCrawler().allow(this.faults.uri("/"), this.site.uri("/"));
        crawler.downloadDirectory = this.downloads;
        crawler.meters = this.meters;
        return crawler;
    }

    private List<Path> leftInDownloads() throws IOException {
        try (Stream<Path> files = Files.list(this.downloads)) {
            return files.toList();
        }
    }

    private double bytesReceived() {
        return this.meters.find(PipelineMeters.INGEST_FETCH_BYTES).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void streamsTheBodyToATemporaryFileHashedOnTheWay() throws Exception {
        byte[] pdf = ("%PDF-1.7 " + "x".repeat(300_000)).getBytes(StandardCharsets.US_ASCII);
        this.site.serve("/a.pdf", 200, pdf, java.util.Map.of("ETag", "\"v1\"", "Last-Modified",
                "Mon, 05 Jan 2026 06:00:00 GMT"));

        FetchedDocument document = crawler().build().download(this.site.uri("/a.pdf"), HeadCheck.NONE);

        assertThat(document.file()).hasBinaryContent(pdf).startsWith(this.downloads);
        assertThat(document.sha256()).isEqualTo(Sha256.hex(pdf));
        assertThat(document.sizeBytes()).isEqualTo(pdf.length);
        assertThat(document.etag()).isEqualTo("\"v1\"");
        assertThat(document.lastModified()).isEqualTo("Mon, 05 Jan 2026 06:00:00 GMT");
        assertThat(bytesReceived()).isEqualTo(pdf.length);
        document.close();
        assertThat(leftInDownloads()).as("closing deletes the temporary file").isEmpty();
    }

    @Test
    void aServerDrippingBytesIsCutOffAtTheDocumentDeadline() throws Exception {
        this.faults.drip("/drip.pdf", "%PDF-1.7 ".getBytes(StandardCharsets.US_ASCII), 1_000_000, Duration.ofMillis(20));
        TestCrawler crawler = crawler();
        crawler.documentDeadline = Duration.ofMillis(700);
        crawler.requestTimeout = Duration.ofSeconds(5);

        String reason = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reasonOf(crawler.build(),
                this.faults.uri("/drip.pdf")));

        assertThat(reason).isEqualTo("DEADLINE");
        assertThat(leftInDownloads()).as("nothing half-downloaded kept").isEmpty();
    }

    @Test
    void aSilentServerTimesOut() {
        this.faults.silent("/silent.pdf");
        TestCrawler crawler = crawler();
        crawler.requestTimeout = Duration.ofMillis(300);

        String reason = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reasonOf(crawler.build(),
                this.faults.uri("/silent.pdf")));

        assertThat(reason).isEqualTo("TIMEOUT");
    }

    @Test
    void aServerThatNeverAcceptsTheConnectionTimesOut() throws Exception {
        // A listening socket whose backlog is full and that never accepts: the kernel drops further connection
        // attempts, so the client's connect times out.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> filling = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                        filling.add(socket);
                    }
                    catch (IOException ex) {
                        socket.close();
                        break;
                    }
                }
                URI uri = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/a.pdf");
                TestCrawler crawler = new TestCrawler().allow(uri);
                crawler.requestTimeout = Duration.ofMillis(300);
                crawler.meters = this.meters;

                String reason = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reasonOf(crawler.build(), uri));

                // robots.txt comes first: its connect timeout closes the site for now, so the document is not asked.
                assertThat(reason).isEqualTo("ROBOTS_UNAVAILABLE");
                assertThat(this.meters.counter(PipelineMeters.INGEST_FETCH_REQUESTS, PipelineMeters.TAG_HOST, "127.0.0.1",
                        PipelineMeters.TAG_OUTCOME, "TIMEOUT").count()).isEqualTo(1);
            }
            finally {
                for (Socket socket : filling) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aBodyOverTheSizeLimitIsAbortedEarlyWhateverItsHeaderSays() throws Exception {
        this.faults.endless("/endless.pdf", "%PDF-1.7 ".getBytes(StandardCharsets.US_ASCII));
        TestCrawler crawler = crawler();
        crawler.maxDocumentBytes = 100_000;

        assertThat(reasonOf(crawler.build(), this.faults.uri("/endless.pdf"))).isEqualTo("TOO_LARGE");

        assertThat(bytesReceived()).as("read no further than the limit and one buffer").isLessThan(100_000 + 70_000);
        assertThat(leftInDownloads()).isEmpty();
    }

    @Test
    void aHundredMegabyteContentLengthWithNineBytesSentIsTruncatedWithoutWaiting() throws Exception {
        try (CutOffServer server = new CutOffServer()) {
            server.cutOff("/promises-100mb.pdf", "%PDF-1.7!".getBytes(StandardCharsets.US_ASCII), 100L * 1024 * 1024);
            TestCrawler crawler = crawler().allow(server.uri("/"));
            crawler.maxDocumentBytes = 200L * 1024 * 1024;
            long heapBefore = usedHeap();

            assertThat(reasonOf(crawler.build(), server.uri("/promises-100mb.pdf"))).isEqualTo("TRUNCATED");

            assertThat(usedHeap() - heapBefore).as("no buffer sized by the header").isLessThan(50L * 1024 * 1024);
            assertThat(leftInDownloads()).isEmpty();
        }
    }

    @Test
    void aHeadCheckAbortsTheDownloadAtItsFirstBytes() throws Exception {
        byte[] html = ("<!DOCTYPE html><html>" + "x".repeat(3_000_000)).getBytes(StandardCharsets.US_ASCII);
        this.site.serve("/issue.pdf", html);
        HeadCheck pdfOnly = (uri, head, length) -> {
            if (head[0] != '%') {
                throw new FetchException(uri, "NOT_PDF", "not a PDF");
            }
        };

        TestCrawler crawler = crawler();
        crawler.maxDocumentBytes = 10_000_000;

        assertThat(RobotsTxtFetchTests.reasonOf(crawler.build(), this.site.uri("/issue.pdf"), pdfOnly))
            .isEqualTo("NOT_PDF");
        assertThat(bytesReceived()).isLessThan(200_000);
        assertThat(leftInDownloads()).isEmpty();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
