package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * One look at a web source before anything starts, so a source that cannot be reached is said at once rather than
 * as "no issues were found" after a minute of start-up, and a source URL that is itself a PDF is recognised. Reads
 * at most the first bytes of one response; redirects are followed as the ingest-service follows them.
 */
final class SourceProbe {

    /** What the source turned out to be. */
    enum Kind {
        /** It answered with something that is no PDF: a listing page, presumably. */
        PAGE,
        /** It answered with a PDF: the run ingests that one issue. */
        PDF,
        /** No usable answer: not reachable, or an HTTP error status. */
        UNREACHABLE
    }

    /**
     * @param kind   what the source is
     * @param detail for {@code UNREACHABLE}, why (the exception or the HTTP status)
     */
    record Result(Kind kind, String detail) {
    }

    private static final String USER_AGENT = "parkworld-pipeline-run-local/0.1 (source check)";

    private final HttpClient http;
    private final Duration timeout;

    SourceProbe(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    Result probe(String source) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(source)).timeout(this.timeout)
                .header("User-Agent", USER_AGENT).GET().build();
            HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 400) {
                    return new Result(Kind.UNREACHABLE, "it answered HTTP " + response.statusCode());
                }
                byte[] start = body.readNBytes(5);
                boolean pdf = new String(start, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")
                        || response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT)
                            .startsWith("application/pdf");
                return new Result(pdf ? Kind.PDF : Kind.PAGE, null);
            }
        }
        catch (IOException | IllegalArgumentException ex) {
            return new Result(Kind.UNREACHABLE, describe(ex, source));
        }
    }

    /**
     * The exception and the first message along its causes, e.g. {@code ConnectException: Connection refused}; a
     * host name that does not resolve as such (the HTTP client reports it as a {@code ConnectException} without a
     * message, caused by an {@code UnresolvedAddressException}: it is not that nothing accepts connections).
     */
    static String describe(Exception ex, String source) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown && unknown.getMessage() != null) {
                return "UnknownHostException: the host name " + unknown.getMessage() + " cannot be resolved";
            }
            if (cause instanceof UnresolvedAddressException) {
                return "UnknownHostException: the host name " + host(source) + " cannot be resolved";
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return ex.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return ex instanceof java.net.ConnectException ? "ConnectException: nothing accepts connections there"
                : ex.getClass().getSimpleName();
    }

    private static String host(String source) {
        try {
            String host = URI.create(source).getHost();
            return host == null ? source : host;
        }
        catch (IllegalArgumentException ex) {
            return source;
        }
    }
}
