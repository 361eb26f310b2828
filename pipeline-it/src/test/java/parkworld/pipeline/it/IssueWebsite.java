package parkworld.pipeline.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A website on loopback as the pipeline's source: a listing page ({@link #listingUrl()}) that links to each issue it
 * serves, under {@code /files/}.
 */
final class IssueWebsite implements AutoCloseable {

    /**
     * An issue the website lists and serves.
     *
     * @param fileName the PDF's name under {@code /files/}
     * @param linkText the text of its link on the listing page
     */
    record ListedIssue(String fileName, String linkText, byte[] pdf) {
    }

    private final HttpServer server;

    private IssueWebsite(HttpServer server) {
        this.server = server;
    }

    /** The fixture issue 121 (its expected articles are in {@code /fixtures/issue-121.expected.json}). */
    static ListedIssue issue121() throws IOException {
        try (InputStream in = IssueWebsite.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            return new ListedIssue("issue-121.pdf", "园区周报 2023年5月4期（总121期）", in.readAllBytes());
        }
    }

    /** Starts serving the listing page, which links to these issues in this order, and the issues. */
    static IssueWebsite start(List<ListedIssue> issues) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StringBuilder listing = new StringBuilder("<html><body>");
        for (ListedIssue issue : issues) {
            String path = "/files/" + issue.fileName();
            listing.append("<a href=\"").append(path).append("\">").append(issue.linkText()).append("</a>");
            serve(server, path, "application/pdf", issue.pdf());
        }
        serve(server, "/weekly/", "text/html; charset=utf-8",
                listing.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8));
        server.start();
        return new IssueWebsite(server);
    }

    String listingUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/weekly/";
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    private static void serve(HttpServer server, String path, String contentType, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
