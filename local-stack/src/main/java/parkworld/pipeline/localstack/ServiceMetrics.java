package parkworld.pipeline.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a service's actuator endpoints over loopback: readiness, and counters from the Prometheus scrape, the same
 * numbers an operator's dashboard shows.
 */
final class ServiceMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;

    ServiceMetrics(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** {@code http://127.0.0.1:<port>/actuator}. */
    String actuatorUrl() {
        return this.base + "/actuator";
    }

    boolean isReady() {
        try {
            return get("/actuator/health/readiness").statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Prometheus text of the service, empty when it cannot be read right now. */
    String scrape() {
        try {
            HttpResponse<String> response = get("/actuator/prometheus");
            return response.statusCode() == 200 ? response.body() : "";
        }
        catch (IOException ex) {
            return "";
        }
    }

    /**
     * Sums the samples of a metric whose labels include all the given ones.
     *
     * @param scrape Prometheus text exposition
     * @param metric sample name, e.g. {@code parkworld_parser_articles_total}
     * @param labels label values every counted sample must have
     */
    static double sum(String scrape, String metric, Map<String, String> labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (!rest.startsWith("{") && !rest.startsWith(" ")) {
                continue;
            }
            String labelText = rest.startsWith("{") ? rest.substring(1, rest.indexOf('}')) : "";
            boolean matches = labels.entrySet().stream()
                .allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (matches) {
                String value = rest.substring(rest.lastIndexOf(' ') + 1).trim();
                total += Double.parseDouble(value);
            }
        }
        return total;
    }

    private HttpResponse<String> get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path)).timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }
}
