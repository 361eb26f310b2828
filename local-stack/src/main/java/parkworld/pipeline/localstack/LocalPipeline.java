package parkworld.pipeline.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run command: starts Kafka, Elasticsearch (unless existing ones are given) and the three services on loopback,
 * ingests once from the source, shows progress, prints what got indexed with a query to paste, and keeps running
 * (the weekly schedule included) until Ctrl-C, which stops everything it started.
 */
public final class LocalPipeline {

    static final String USAGE = """
            usage: deploy/run-local [--help] [--source=URL|FOLDER|FILE] [--kafka=HOST:PORT] [--elasticsearch=URL] [--exit-when-done]
              --source          a listing page that links to issue PDFs, or a local folder or PDF (default https://www.parkworld.net/)
              --kafka           use this Kafka instead of starting one
              --elasticsearch   use this Elasticsearch instead of starting one
                                (either one: the run uses its own local-<id> topics, consumer groups and index)
              --exit-when-done  stop everything once the first ingest has been indexed
            """;

    /** Long enough for a full backfill from the website; a stage making no progress this long is stuck. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

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
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        String source = options.getOrDefault("source", "https://www.parkworld.net/");
        if (!source.matches("(?i)https?://.*")) {
            Path local = Path.of(source).toAbsolutePath().normalize();
            // Checked before anything starts: a missing folder would otherwise be an empty, "successful" run.
            if (!Files.exists(local)) {
                System.err.println("[local-pipeline] --source: no such file or folder: " + local);
                System.exit(2);
                return;
            }
            source = local.toString();
        }
        Path root = Path.of(System.getProperty("parkworld.project.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("target").resolve("local-run");
        Directories.deleteQuietly(work);
        Map<String, String> properties = RunIsolation.properties(options, RunIsolation.newRunId());
        if (!properties.isEmpty()) {
            say("Shared Kafka/Elasticsearch given: this run uses its own topics, consumer groups and index:");
            properties.forEach((name, value) -> say("  " + name + "=" + value));
        }
        String alias = RunIsolation.alias(properties);
        // Everything started registers with the ShutdownReaper, whose exit hook closes newest first: services, then
        // Elasticsearch, then Kafka. This one was registered first, so it reports last.
        ShutdownReaper.register(() -> say("Stopped everything it started."));
        try {
            String kafka = options.get("kafka");
            if (kafka == null) {
                say("Starting Kafka (KRaft, loopback)...");
                kafka = KafkaBroker.start(work.resolve("logs").resolve("kafka.log")).bootstrapServers();
            }
            say("Kafka: " + kafka);
            String elasticsearch = options.get("elasticsearch");
            if (elasticsearch == null) {
                say("Starting Elasticsearch (single node, loopback)...");
                elasticsearch = ElasticsearchNode.start(work.resolve("logs").resolve("elasticsearch.log")).httpUrl();
            }
            say("Elasticsearch: " + elasticsearch);
            say("Starting ingest-service, parser-service, indexer-service; ingesting from " + source);
            PipelineServices services = PipelineServices.start(new PipelineServices.Settings(root, kafka, elasticsearch,
                    source, work, properties));
            ShutdownReaper.register(() -> say("Stopping everything started..."));
            services.awaitReady(Duration.ofMinutes(3));
            say("Services ready; logs in " + work.resolve("logs"));
            services.healthUrls().forEach((name, url) -> say("  " + name + ": " + url));
            PipelineProgress progress = awaitSettled(services, SETTLE_TIMEOUT);
            long count = count(elasticsearch, alias);
            System.out.println();
            say("Done: " + count + " articles searchable in Elasticsearch index '" + alias + "'. " + progress.summary());
            say("Try:  curl -s -G '" + elasticsearch + "/" + alias + "/_search?pretty' --data-urlencode 'q=title:储能'"
                    + " --data-urlencode '_source=title,section,page,issue.serial'");
            Optional<String> problem = progress.ingestProblem();
            boolean exitWhenDone = options.containsKey("exit-when-done");
            problem.ifPresent(p -> System.err.println("[local-pipeline] Ingest problem: " + p + "; see "
                    + services.logFile("ingest-service") + (exitWhenDone ? " (exit status 1)" : "")));
            if (exitWhenDone) {
                // The ShutdownReaper stops what was started.
                System.exit(problem.isPresent() ? 1 : 0);
            }
            say("Still running (the weekly schedule too). Press Ctrl-C to stop everything.");
            Thread.currentThread().join();
        }
        catch (RuntimeException ex) {
            System.err.println("[local-pipeline] failed: " + ex.getMessage());
            System.exit(1);
        }
    }

    private static PipelineProgress awaitSettled(PipelineServices services, Duration timeout)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
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
            if (Instant.now().isAfter(deadline)) {
                String stage = progress.stuckStage();
                throw new IllegalStateException("not settled after " + timeout.toMinutes() + " minutes, " + stage
                        + " has work outstanding (" + line + "); see " + services.logFile(stage));
            }
            Thread.sleep(1000);
        }
    }

    private static long count(String elasticsearch, String alias) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + alias + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
            String body = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + alias + "/_count")).build(),
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
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String[] pair = arg.substring(2).split("=", 2);
            if (!List.of("source", "kafka", "elasticsearch", "exit-when-done", "help").contains(pair[0])) {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
            boolean flag = pair[0].equals("exit-when-done") || pair[0].equals("help");
            if (flag != (pair.length == 1) || (!flag && pair[1].isBlank())) {
                throw new IllegalArgumentException(flag ? "takes no value: " + arg : "needs a value: " + arg);
            }
            options.put(pair[0], flag ? "true" : pair[1]);
        }
        return options;
    }

    private static void say(String line) {
        System.out.println("[local-pipeline] " + line);
    }
}
