package parkworld.pipeline.ingest.fetch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local web server for tests: per path, a queue of canned responses (the last one repeats), or a document served
 * as a real server would, honouring {@code If-None-Match} and {@code If-Modified-Since}. What was configured last for
 * a path wins.
 */
public final class FixtureWebsite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Queue<Response>> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();

    public FixtureWebsite() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            this.requests.add(path);
            this.userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            this.requestHeaders.add(headers);
            // A download endpoint (/download.php?id=7) is served by path and query; other paths ignore the query.
            String query = exchange.getRequestURI().getRawQuery();
            String served = query != null && (this.documents.containsKey(path + "?" + query)
                    || this.responses.containsKey(path + "?" + query)) ? path + "?" + query : path;
            Document document = this.documents.get(served);
            Queue<Response> queue = this.responses.get(served);
            Response response = document != null ? document.answer(headers)
                    : queue == null ? new Response(404, Map.of(), new byte[0])
                    : queue.size() > 1 ? queue.poll() : queue.peek();
            this.statuses.add(response.status());
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        });
        this.server.start();
    }

    public FixtureWebsite serve(String path, int status, byte[] body, Map<String, String> headers) {
        this.documents.remove(path);
        this.responses.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Response(status, headers, body));
        return this;
    }

    public FixtureWebsite serve(String path, byte[] body) {
        return serve(path, 200, body, Map.of());
    }

    /**
     * Serves {@code body} at {@code path} with these validators (either may be null), answering a conditional GET as
     * RFC 9110 says: 304 when {@code If-None-Match} names the ETag, or, without {@code If-None-Match}, when the
     * document was not modified since {@code If-Modified-Since}; the whole document otherwise.
     *
     * @param lastModified an HTTP date ({@code Mon, 05 Jan 2026 06:00:00 GMT})
     */
    public FixtureWebsite serveDocument(String path, byte[] body, String etag, String lastModified) {
        this.responses.remove(path);
        this.documents.put(path, new Document(body, etag, lastModified));
        return this;
    }

    /** The status of each response sent, in order. */
    public List<Integer> statuses() {
        return this.statuses;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
    }

    public List<String> requests() {
        return this.requests;
    }

    /** The headers of each request, in order, names case-insensitive. */
    public List<Map<String, String>> requestHeaders() {
        return this.requestHeaders;
    }

    public List<String> userAgents() {
        return this.userAgents;
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private record Document(byte[] body, String etag, String lastModified) {

        Response answer(Map<String, String> request) {
            Map<String, String> validators = new LinkedHashMap<>();
            if (this.etag != null) {
                validators.put("ETag", this.etag);
            }
            if (this.lastModified != null) {
                validators.put("Last-Modified", this.lastModified);
            }
            return notModified(request) ? new Response(304, validators, new byte[0])
                    : new Response(200, validators, this.body);
        }

        private boolean notModified(Map<String, String> request) {
            String ifNoneMatch = request.get("If-None-Match");
            if (ifNoneMatch != null) {
                return this.etag != null && Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).anyMatch(tag -> tag.equals("*") || tag.equals(this.etag));
            }
            String ifModifiedSince = request.get("If-Modified-Since");
            if (ifModifiedSince == null || this.lastModified == null) {
                return false;
            }
            try {
                java.time.format.DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME;
                return !ZonedDateTime.parse(this.lastModified, http)
                    .isAfter(ZonedDateTime.parse(ifModifiedSince, http));
            }
            catch (java.time.format.DateTimeParseException ex) {
                return false;
            }
        }
    }
}
