package parkworld.pipeline.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.contract.Sha256;
import parkworld.pipeline.ingest.fetch.DocumentFetch;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.FetchedDocument;
import parkworld.pipeline.ingest.fetch.FixtureWebsite;
import parkworld.pipeline.ingest.fetch.TestCrawler;
import parkworld.pipeline.ingest.fetch.Validators;

class DocumentReaderTests {

    @TempDir
    Path downloads;

    @TempDir
    Path source;

    private final FixtureWebsite site;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DocumentReader reader;

    DocumentReaderTests() throws Exception {
        this.site = new FixtureWebsite();
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"));
        crawler.maxDocumentBytes = 50_000_000;
        crawler.meters = this.meters;
        crawler.downloadDirectory = Path.of("target", "test-downloads", "reader-" + System.nanoTime()).toAbsolutePath();
        this.reader = new DocumentReader(crawler.build(), 50_000_000, crawler.downloadDirectory);
        this.downloadDirectory = crawler.downloadDirectory;
    }

    private final Path downloadDirectory;

    @AfterEach
    void stop() {
        this.site.close();
    }

    private long leftBehind() throws Exception {
        if (!Files.exists(this.downloadDirectory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(this.downloadDirectory)) {
            return files.count();
        }
    }

    private String reasonOf(java.net.URI uri) {
        try (FetchedDocument document = this.reader.read(uri)) {
            return "read";
        }
        catch (FetchException ex) {
            return ex.reason();
        }
        catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void readsAPdfIntoATemporaryFileThatClosingDeletes() throws Exception {
        byte[] pdf = "%PDF-1.7 issue 121".getBytes(StandardCharsets.US_ASCII);
        this.site.serve("/issue-121.pdf", pdf);

        Path file;
        try (FetchedDocument document = this.reader.read(this.site.uri("/issue-121.pdf"))) {
            file = document.file();
            assertThat(file).hasBinaryContent(pdf);
            assertThat(document.sha256()).isEqualTo(Sha256.hex(pdf));
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesHtmlServedAsPdfByItsFirstBytesWithoutDownloadingTheRest() throws Exception {
        byte[] html = ("<!DOCTYPE html><html><body>" + "页面不存在 ".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
        this.site.serve("/issue-122.pdf", 200, html, Map.of("Content-Type", "text/html"));

        assertThatThrownBy(() -> this.reader.read(this.site.uri("/issue-122.pdf")))
            .isInstanceOfSatisfying(FetchException.class, ex -> assertThat(ex.reason()).isEqualTo("NOT_PDF"))
            .hasMessageContaining("<!DOCTYPE html>");
        double received = this.meters.find(PipelineMeters.INGEST_FETCH_BYTES).counter().count();
        assertThat(received).as("of " + html.length + " bytes").isLessThan(200_000);
        assertThat(leftBehind()).isZero();
    }

    @Test
    void acceptsSomeJunkBeforeThePdfHeader() {
        this.site.serve("/junk.pdf", ("\r\n\r\n   %PDF-1.4 after junk").getBytes(StandardCharsets.US_ASCII));

        assertThat(reasonOf(this.site.uri("/junk.pdf"))).isEqualTo("read");
    }

    @Test
    void refusesAnEmptyDocument() throws Exception {
        this.site.serve("/empty.pdf", new byte[0]);

        assertThat(reasonOf(this.site.uri("/empty.pdf"))).isEqualTo("EMPTY");
        assertThat(leftBehind()).isZero();
    }

    @Test
    void aConditionalReadOfAnUnchangedDocumentIsNotModified() throws Exception {
        this.site.serve("/issue-121.pdf", 304, new byte[0], Map.of());

        DocumentFetch fetch = this.reader.read(this.site.uri("/issue-121.pdf"), new Validators("\"v1\"", null));

        assertThat(fetch).isInstanceOf(DocumentFetch.NotModified.class);
    }

    @Test
    void readsALocalFileTheSameWay() throws Exception {
        Path pdf = Files.write(this.source.resolve("issue-121.pdf"), "%PDF-1.7 local".getBytes(StandardCharsets.US_ASCII));
        Path html = Files.write(this.source.resolve("issue-122.pdf"), "<html>".getBytes(StandardCharsets.US_ASCII));

        try (FetchedDocument document = this.reader.read(pdf.toUri())) {
            assertThat(document.file()).hasSameBinaryContentAs(pdf).isNotEqualTo(pdf);
        }
        assertThat(pdf).as("the source file stays").exists();
        assertThat(reasonOf(html.toUri())).isEqualTo("NOT_PDF");
        assertThat(leftBehind()).isZero();
    }
}
