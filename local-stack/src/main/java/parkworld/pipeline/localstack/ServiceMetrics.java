package parkworld.pipeline.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a service's actuator endpoints over loopback: readiness, and counters from the Prometheus scrape, the same
 * numbers an operator's dashboard shows. Public for the benchmarks, which read the same scrapes
 * ({@link PipelineServices#scrapes()}) with {@link #sum}.
 */
public final class ServiceMetrics {

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
    public static double sum(String scrape, String metric, Map<String, String> labels) {
        return samples(scrape, metric, labels).stream().mapToDouble(Sample::value).sum();
    }

    /**
     * Sums the samples of a metric whose labels include all the given ones, per value of one label.
     *
     * @param scrape  Prometheus text exposition
     * @param metric  sample name, e.g. {@code parkworld_dead_letters_total}
     * @param labels  label values every counted sample must have
     * @param groupBy the label to group by, e.g. {@code reason}; samples without it count under {@code ""}
     * @return label value to sum, sorted by label value
     */
    static Map<String, Long> countBy(String scrape, String metric, Map<String, String> labels, String groupBy) {
        Map<String, Double> sums = new TreeMap<>();
        for (Sample sample : samples(scrape, metric, labels)) {
            sums.merge(sample.labels().getOrDefault(groupBy, ""), sample.value(), Double::sum);
        }
        Map<String, Long> counts = new TreeMap<>();
        sums.forEach((value, sum) -> counts.put(value, Math.round(sum)));
        return counts;
    }

    private static List<Sample> samples(String scrape, String metric, Map<String, String> labels) {
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            Map<String, String> sampleLabels = new LinkedHashMap<>();
            if (rest.startsWith("{")) {
                int end = parseLabels(rest, sampleLabels);
                rest = rest.substring(end);
            }
            if (!rest.startsWith(" ")) {
                continue; // a longer metric name sharing this prefix
            }
            if (!labels.entrySet().stream().allMatch(l -> l.getValue().equals(sampleLabels.get(l.getKey())))) {
                continue;
            }
            // "value" or "value timestamp"
            String[] fields = rest.strip().split("\\s+");
            samples.add(new Sample(sampleLabels, Double.parseDouble(fields[0])));
        }
        return samples;
    }

    /**
     * Reads {@code {name="value",...}} with the exposition format's escapes ({@code \\}, {@code \"}, {@code \n}), so
     * a label value containing a comma, a brace or a quote cannot shift the others.
     *
     * @return the index just after the closing brace
     */
    private static int parseLabels(String text, Map<String, String> labels) {
        int i = 1;
        while (i < text.length() && text.charAt(i) != '}') {
            int equals = text.indexOf('=', i);
            String name = text.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2; // past ="
            while (text.charAt(i) != '"') {
                char c = text.charAt(i);
                if (c == '\\') {
                    char escaped = text.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                }
                else {
                    value.append(c);
                }
                i++;
            }
            labels.put(name, value.toString());
            i++; // past the closing quote
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private record Sample(Map<String, String> labels, double value) {
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
