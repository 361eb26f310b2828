package parkworld.pipeline.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run command: starts Kafka, Elasticsearch (unless existing ones are given) and the three services on loopback,
 * ingests once from the source, shows progress, prints what got indexed with a query to paste, and keeps running
 * (the weekly schedule included) until Ctrl-C, which stops everything it started.
 */
public final class LocalPipeline {

    static final String USAGE = """
            usage: deploy/run-local [--source=URL|FOLDER|FILE] [--kafka=HOST:PORT] [--elasticsearch=URL] [--exit-when-done]
              --source          a listing page that links to issue PDFs, or a local folder or PDF (default https://www.parkworld.net/)
              --kafka           use this Kafka instead of starting one
              --elasticsearch   use this Elasticsearch instead of starting one
              --exit-when-done  stop everything once the first ingest has been indexed
            """;

    private static final String ALIAS = "parkworld-articles";

    private LocalPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = options(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("parkworld.project.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("target").resolve("local-run");
        Directories.deleteQuietly(work);
        String source = options.getOrDefault("source", "https://www.parkworld.net/");
        if (!source.matches("(?i)https?://.*")) {
            source = Path.of(source).toAbsolutePath().normalize().toString();
        }
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "local-pipeline-stop"));
        try {
            String kafka = options.get("kafka");
            if (kafka == null) {
                say("Starting Kafka (KRaft, loopback)...");
                KafkaBroker broker = KafkaBroker.start(work.resolve("logs").resolve("kafka.log"));
                started.add(broker);
                kafka = broker.bootstrapServers();
            }
            say("Kafka: " + kafka);
            String elasticsearch = options.get("elasticsearch");
            if (elasticsearch == null) {
                say("Starting Elasticsearch (single node, loopback)...");
                ElasticsearchNode node = ElasticsearchNode.start(work.resolve("logs").resolve("elasticsearch.log"));
                started.add(node);
                elasticsearch = node.httpUrl();
            }
            say("Elasticsearch: " + elasticsearch);
            say("Starting ingest-service, parser-service, indexer-service; ingesting from " + source);
            PipelineServices services = PipelineServices.start(new PipelineServices.Settings(root, kafka, elasticsearch,
                    source, work, Map.of()));
            started.add(services);
            services.awaitReady(Duration.ofMinutes(3));
            say("Services ready; logs in " + work.resolve("logs"));
            PipelineProgress progress = awaitSettled(services);
            long count = count(elasticsearch);
            System.out.println();
            say("Done: " + count + " articles searchable in Elasticsearch index '" + ALIAS + "'. " + progress.summary());
            say("Try:  curl -s -G '" + elasticsearch + "/" + ALIAS + "/_search?pretty' --data-urlencode 'q=title:储能'"
                    + " --data-urlencode '_source=title,section,page,issue.serial'");
            if (options.containsKey("exit-when-done")) {
                // The shutdown hook stops what was started.
                System.exit(0);
            }
            say("Still running (the weekly schedule too). Press Ctrl-C to stop everything.");
            Thread.currentThread().join();
        }
        catch (RuntimeException ex) {
            System.err.println("[local-pipeline] failed: " + ex.getMessage());
            System.exit(1);
        }
    }

    private static PipelineProgress awaitSettled(PipelineServices services) throws InterruptedException {
        Instant start = Instant.now();
        String last = "";
        while (true) {
            PipelineProgress progress = services.progress();
            String line = progress.summary();
            if (!line.equals(last)) {
                say(String.format("[%3ds] %s", Duration.between(start, Instant.now()).toSeconds(), line));
                last = line;
            }
            if (progress.isSettled()) {
                return progress;
            }
            List<String> exited = services.exited();
            if (!exited.isEmpty()) {
                throw new IllegalStateException(exited + " stopped unexpectedly; see " + services.logFile(exited.get(0)));
            }
            Thread.sleep(1000);
        }
    }

    private static long count(String elasticsearch) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + ALIAS + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
            String body = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + ALIAS + "/_count")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
        catch (IOException ex) {
            return 0;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String[] pair = arg.substring(2).split("=", 2);
            if (!List.of("source", "kafka", "elasticsearch", "exit-when-done", "help").contains(pair[0])) {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
            if (pair[0].equals("help")) {
                throw new IllegalArgumentException("");
            }
            options.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        return options;
    }

    private static void stopAll(List<AutoCloseable> started) {
        if (started.isEmpty()) {
            return;
        }
        say("Stopping everything started...");
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            }
            catch (Exception ex) {
                System.err.println("[local-pipeline] while stopping: " + ex);
            }
        }
        started.clear();
    }

    private static void say(String line) {
        System.out.println("[local-pipeline] " + line);
    }
}
