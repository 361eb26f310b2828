package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceProbeTests {

    private final SourceProbe probe = new SourceProbe(Duration.ofSeconds(5));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (this.server != null) {
            this.server.stop(0);
        }
    }

    private String serve(String path, int status, String contentType, byte[] body) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.server.start();
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    @Test
    void aListingPageIsAPage() throws Exception {
        String page = serve("/weekly/", 200, "text/html", "<a href=i.pdf>总1期</a>".getBytes(StandardCharsets.UTF_8));

        assertThat(this.probe.probe(page).kind()).isEqualTo(SourceProbe.Kind.PAGE);
    }

    @Test
    void aPdfIsRecognisedByItsBytesWhateverItsContentType() throws Exception {
        String pdf = serve("/i-121.pdf", 200, "application/octet-stream", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII));

        assertThat(this.probe.probe(pdf).kind()).isEqualTo(SourceProbe.Kind.PDF);
    }

    @Test
    void anHttpErrorIsUnreachableWithItsStatus() throws Exception {
        String missing = serve("/weekly/", 404, "text/html", "not here".getBytes(StandardCharsets.UTF_8));

        SourceProbe.Result result = this.probe.probe(missing);

        assertThat(result.kind()).isEqualTo(SourceProbe.Kind.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("it answered HTTP 404");
    }

    @Test
    void aClosedPortIsUnreachableSayingWhy() throws Exception {
        int closed = FreePorts.onLoopback(1)[0];

        SourceProbe.Result result = this.probe.probe("http://127.0.0.1:" + closed + "/");

        assertThat(result.kind()).isEqualTo(SourceProbe.Kind.UNREACHABLE);
        assertThat(result.detail()).startsWith("ConnectException: ").hasSizeGreaterThan("ConnectException: ".length());
    }

    @Test
    void aHostNameThatDoesNotResolveIsUnreachableAsAnUnknownHostNotAsAClosedPort() throws Exception {
        // .invalid never resolves (RFC 6761), with DNS or without.
        SourceProbe.Result result = this.probe.probe("http://no-such-host.invalid/");

        assertThat(result.kind()).isEqualTo(SourceProbe.Kind.UNREACHABLE);
        assertThat(result.detail())
            .isEqualTo("UnknownHostException: the host name no-such-host.invalid cannot be resolved");
    }

    /** Serves {@code path} as a redirect to {@code location} (relative to the server when it starts with /). */
    private String redirect(String path, int status, String location) {
        this.server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    @Test
    void aRedirectOnTheSourcesOriginIsFollowedToThePageItLeadsTo() throws Exception {
        serve("/list.php", 200, "text/html", "<a href=i.pdf>总1期</a>".getBytes(StandardCharsets.UTF_8));
        String old = redirect("/weekly/", 301, "/list.php");

        assertThat(this.probe.probe(old).kind()).isEqualTo(SourceProbe.Kind.PAGE);
    }

    @Test
    void aRedirectToAnotherHostIsSaidAtOnceSinceIngestWouldRefuseIt() throws Exception {
        // Seen in a new-user trial: the probe followed it, and the run said "the source could not be read" a minute
        // later, the reason (HOST_NOT_ALLOWED) only in ingest's log.
        serve("/list.php", 200, "text/html", "<a href=i.pdf>总1期</a>".getBytes(StandardCharsets.UTF_8));
        String elsewhere = "http://localhost:" + this.server.getAddress().getPort() + "/list.php";
        String old = redirect("/weekly/", 302, elsewhere);

        SourceProbe.Result result = this.probe.probe(old);

        assertThat(result.kind()).isEqualTo(SourceProbe.Kind.UNREACHABLE);
        assertThat(result.detail()).startsWith("it redirects to " + elsewhere + ", another host, port or scheme")
            .endsWith("give that URL as --source");
    }

    @Test
    void aRedirectLoopIsUnreachable() throws Exception {
        serve("/list.php", 200, "text/html", new byte[0]);
        String loop = redirect("/weekly/", 302, "/weekly/");

        SourceProbe.Result result = this.probe.probe(loop);

        assertThat(result.kind()).isEqualTo(SourceProbe.Kind.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("more than " + SourceProbe.MAX_REDIRECTS + " redirects");
    }

    @ParameterizedTest
    @CsvSource({
        "http://site.test:8080/weekly, http://site.test:8080/list, true",
        "http://site.test:8080/weekly, https://site.test/list, true",
        "http://site.test:8080/weekly, http://SITE.test/list, true",
        "https://site.test/weekly, http://site.test:8080/list, false",
        "http://site.test:8080/weekly, http://www.site.test:8080/list, false",
        "http://site.test/weekly, http://user@site.test/list, false"})
    void ingestFollowsRedirectsOnTheSourcesOriginAndItsHostOnTheDefaultPorts(String source, String target,
            boolean follows) {
        assertThat(SourceProbe.ingestFollows(URI.create(source), URI.create(target))).isEqualTo(follows);
    }

    @Test
    void aMalformedUrlIsUnreachableNotACrash() throws Exception {
        assertThat(this.probe.probe("http://bad host/").kind()).isEqualTo(SourceProbe.Kind.UNREACHABLE);
    }
}
