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
import java.util.Optional;

/**
 * One look at a web source before anything starts, so a source that cannot be reached is said at once rather than
 * as "no issues were found" after a minute of start-up, and a source URL that is itself a PDF is recognised. Reads
 * at most the first bytes of one response. Redirects are followed by hand, as far as the ingest-service follows them
 * with the run's configuration (no {@code allowed-hosts}: the source's origin, and its host on ports 80 and 443): one
 * that leaves them is said at once, since ingest would refuse it ({@code HOST_NOT_ALLOWED}) after its start-up.
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

    /** As the ingest-service's {@code parkworld.ingest.crawler.max-redirects} default. */
    static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final Duration timeout;

    SourceProbe(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    Result probe(String source) throws InterruptedException {
        try {
            URI start = URI.create(source);
            URI current = start;
            for (int hop = 0;; hop++) {
                HttpRequest request = HttpRequest.newBuilder(current).timeout(this.timeout)
                    .header("User-Agent", USER_AGENT).GET().build();
                HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                Optional<String> location = response.headers().firstValue("Location");
                if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                    return answer(response);
                }
                response.body().close();
                URI target = current.resolve(location.get().trim());
                if (!ingestFollows(start, target)) {
                    return new Result(Kind.UNREACHABLE, "it redirects to " + target + ", another host, port or scheme,"
                            + " where the ingest-service does not follow it: give that URL as --source");
                }
                if (hop == MAX_REDIRECTS) {
                    return new Result(Kind.UNREACHABLE, "more than " + MAX_REDIRECTS + " redirects");
                }
                current = target;
            }
        }
        catch (IOException | IllegalArgumentException ex) {
            return new Result(Kind.UNREACHABLE, describe(ex, source));
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Whether the ingest-service, started with {@code source} as its listing and no {@code allowed-hosts}, follows a
     * redirect to {@code target}: the source's origin, or its host over http on 80 or https on 443 (HostPolicy).
     */
    static boolean ingestFollows(URI source, URI target) {
        if (target.getHost() == null || !target.getHost().equalsIgnoreCase(source.getHost())
                || target.getRawUserInfo() != null) {
            return false;
        }
        String scheme = String.valueOf(target.getScheme()).toLowerCase(java.util.Locale.ROOT);
        int port = port(target);
        return (scheme.equalsIgnoreCase(source.getScheme()) && port == port(source))
                || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Result answer(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                return new Result(Kind.UNREACHABLE, "it answered HTTP " + response.statusCode());
            }
            if (isRedirect(response.statusCode())) {
                return new Result(Kind.UNREACHABLE, "it answered HTTP " + response.statusCode() + " without a Location");
            }
            byte[] start = body.readNBytes(5);
            boolean pdf = new String(start, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")
                    || response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT)
                        .startsWith("application/pdf");
            return new Result(pdf ? Kind.PDF : Kind.PAGE, null);
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
