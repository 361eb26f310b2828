package parkworld.pipeline.ingest.fetch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local web server for tests: per path, a queue of canned responses (the last one repeats). */
public final class FixtureWebsite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Queue<Response>> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();

    public FixtureWebsite() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            this.requests.add(path);
            this.userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            this.requestHeaders.add(headers);
            Queue<Response> queue = this.responses.get(path);
            Response response = queue == null ? new Response(404, Map.of(), new byte[0])
                    : queue.size() > 1 ? queue.poll() : queue.peek();
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        });
        this.server.start();
    }

    public FixtureWebsite serve(String path, int status, byte[] body, Map<String, String> headers) {
        this.responses.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Response(status, headers, body));
        return this;
    }

    public FixtureWebsite serve(String path, byte[] body) {
        return serve(path, 200, body, Map.of());
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
}
