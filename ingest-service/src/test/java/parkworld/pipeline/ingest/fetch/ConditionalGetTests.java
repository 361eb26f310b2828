package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A conditional GET: the validators of the last fetch are sent back, and a 304 costs no download. */
class ConditionalGetTests {

    private static final byte[] PDF = "%PDF-1.7 issue 121".getBytes(StandardCharsets.US_ASCII);
    private static final String LAST_MODIFIED = "Mon, 05 Jan 2026 06:00:00 GMT";

    private final FixtureWebsite site;
    private final PoliteHttpClient client;

    ConditionalGetTests() throws Exception {
        this.site = new FixtureWebsite();
        this.client = new TestCrawler().allow(this.site.uri("/")).build();
        this.site.serve("/issue-121.pdf", 200, PDF, Map.of("ETag", "\"v1\"", "Last-Modified", LAST_MODIFIED))
            .serve("/issue-121.pdf", 304, new byte[0], Map.of("ETag", "\"v1\""));
    }

    @AfterEach
    void stop() {
        this.site.close();
    }

    private Map<String, String> lastRequestHeaders() {
        return this.site.requestHeaders().get(this.site.requestHeaders().size() - 1);
    }

    @Test
    void sendsTheKnownValidatorsAndANotModifiedAnswerDownloadsNothing() throws Exception {
        Validators known;
        try (FetchedDocument first = this.client.download(this.site.uri("/issue-121.pdf"), HeadCheck.NONE)) {
            known = first.validators();
        }
        assertThat(known).isEqualTo(new Validators("\"v1\"", LAST_MODIFIED));
        assertThat(lastRequestHeaders()).doesNotContainKeys("If-None-Match", "If-Modified-Since");

        DocumentFetch again = this.client.download(this.site.uri("/issue-121.pdf"), known, HeadCheck.NONE);

        assertThat(again).isEqualTo(new DocumentFetch.NotModified(this.site.uri("/issue-121.pdf")));
        assertThat(lastRequestHeaders()).containsEntry("If-None-Match", "\"v1\"")
            .containsEntry("If-Modified-Since", LAST_MODIFIED);
    }

    @Test
    void sendsOnlyTheValidatorsItKnows() throws Exception {
        DocumentFetch fetch = this.client.download(this.site.uri("/issue-121.pdf"), new Validators(null, LAST_MODIFIED),
                HeadCheck.NONE);

        assertThat(fetch).isInstanceOf(DocumentFetch.Fetched.class);
        ((DocumentFetch.Fetched) fetch).document().close();
        assertThat(lastRequestHeaders()).containsEntry("If-Modified-Since", LAST_MODIFIED).doesNotContainKey("If-None-Match");
    }

    @Test
    void aNotModifiedAnswerToAnUnconditionalRequestIsAFailure() {
        this.site.serve("/odd.pdf", 304, new byte[0], Map.of());

        assertThat(RobotsTxtFetchTests.reasonOf(this.client, this.site.uri("/odd.pdf"))).isEqualTo("HTTP_304");
    }
}
