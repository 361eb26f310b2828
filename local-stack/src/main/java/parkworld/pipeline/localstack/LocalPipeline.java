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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The run command: starts Kafka, Elasticsearch (unless existing ones are given) and the three services on loopback,
 * ingests once from the source, shows progress, prints what got indexed with a query to paste, then everything that
 * did not make it (ingest failures, dead letters) with the command to read the dead letters, and keeps running (the
 * weekly schedule included) until Ctrl-C, which stops everything it started. With {@code --exit-when-done} it stops
 * after the first ingest instead, with an exit status saying whether everything made it. Kafka's and Elasticsearch's
 * data (the ingest state topic included) and the blob store stay in {@code target/local-run/}, so the next run goes on from them
 * (issues already announced are skipped); {@code --fresh}, or a given Kafka or Elasticsearch, starts empty. One run
 * per checkout ({@link RunLock}); a child process that dies ends the run ({@link RunWatch}); a run that keeps going
 * reports new dead letters as they happen ({@link RunReport#newProblems}).
 */
public final class LocalPipeline {

    /** Everything fetched was parsed and indexed. */
    static final int EXIT_CLEAN = 0;
    /** Issues could not be fetched, the source had none, or the run itself failed (a service, a timeout). */
    static final int EXIT_FAILED = 1;
    /** Unknown option, malformed value, missing source. */
    static final int EXIT_USAGE = 2;
    /** The parser or the indexer dead-lettered records: the run "worked" but lost some of its input. */
    static final int EXIT_DEAD_LETTERS = 3;

    /** Held until this JVM exits (a field, so that no garbage collection closes its channel and so the lock). */
    private static RunLock runLock;

    /** How often the wait for the first settle says it goes on while the progress stays unchanged. */
    private static final Duration STILL_WAITING_EVERY = Duration.ofMinutes(1);

    /** How often a run that keeps going checks its processes and its counts. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);

    private LocalPipeline() {
    }

    public static void main(String[] args) throws Exception {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        }
        catch (CommandLine.ParameterException ex) {
            System.err.println("[local-pipeline] " + ex.getMessage());
            System.err.print(RunOptions.usage());
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help) {
            System.out.print(RunOptions.usage());
            return;
        }
        Path root = Path.of(System.getProperty("parkworld.project.root", ".")).toAbsolutePath().normalize();
        // Checked before anything starts: else Kafka and Elasticsearch start first, and the run fails only when the
        // services would (exit status 1, after half a minute).
        try {
            var refused = scaleRefusal(options, root);
            if (refused.isPresent()) {
                System.err.println("[local-pipeline] --scale: " + refused.get());
                System.exit(EXIT_USAGE);
                return;
            }
        }
        catch (IllegalStateException ex) {
            System.err.println("[local-pipeline] failed: " + ex.getMessage());
            System.exit(EXIT_FAILED);
            return;
        }
        String source = options.source;
        if (!options.sourceIsWeb()) {
            Path local = Path.of(source).toAbsolutePath().normalize();
            // Checked before anything starts: a missing folder would otherwise be an empty, "successful" run.
            if (!Files.exists(local)) {
                System.err.println("[local-pipeline] --source: no such file or folder: " + local);
                System.exit(EXIT_USAGE);
                return;
            }
            source = local.toString();
        }
        else {
            // Checked before anything starts: an unreachable source would otherwise end, after a minute of
            // start-up, as "no issues were found at the source".
            SourceProbe.Result probed = new SourceProbe(Duration.ofSeconds(20)).probe(source);
            switch (probed.kind()) {
                case UNREACHABLE -> {
                    System.err.println("[local-pipeline] --source: " + source + " cannot be reached: " + probed.detail());
                    System.exit(EXIT_FAILED);
                    return;
                }
                case PDF -> say("The source " + source + " is a PDF, not a listing page: ingesting that one issue");
                case PAGE -> { }
            }
        }
        Path work = root.resolve("target").resolve("local-run");
        // Before anything in it is deleted: a second run here would delete the first one's Kafka data under it.
        try {
            runLock = RunLock.acquire(root.resolve("target").resolve("local-run.lock"));
        }
        catch (RunLock.HeldElsewhere ex) {
            warn("Refused: " + ex.getMessage());
            System.exit(EXIT_FAILED);
            return;
        }
        if (options.kafka != null) {
            // Else the services would start and retry for ever, and the run end only at --services-timeout.
            var unreachable = KafkaReachability.problem(options.kafka, Duration.ofSeconds(5));
            if (unreachable.isPresent()) {
                warn("--kafka=" + options.kafka + " cannot be reached: " + unreachable.get());
                System.exit(EXIT_FAILED);
                return;
            }
        }
        // Kafka (with the ingest state topic), Elasticsearch and the blob store are kept together or not at all: state
        // without the index its issues were announced to would skip every issue into an empty index.
        if (options.keepsData() && Files.isDirectory(work.resolve("kafka-data"))
                && Files.isDirectory(work.resolve("elasticsearch-data"))) {
            say("Going on from the last run's Kafka, Elasticsearch and blob store in " + work + " (--fresh: start empty)");
        }
        else {
            Directories.deleteQuietly(work);
        }
        // This run's logs and temp files only; the data directories stay unless --fresh.
        Directories.deleteQuietly(work.resolve("logs"));
        Directories.deleteQuietly(work.resolve("tmp"));
        Map<String, String> properties = RunIsolation.properties(options, RunIsolation.newRunId());
        if (!properties.isEmpty()) {
            say("Shared Kafka/Elasticsearch given: this run uses its own topics, consumer groups and index:");
            properties.forEach((name, value) -> say("  " + name + "=" + value));
        }
        String alias = RunIsolation.alias(properties);
        // Everything started registers with the ShutdownReaper, whose exit hook closes newest first: services, then
        // Elasticsearch, then Kafka. This one was registered first, so it reports last.
        ShutdownReaper.register(() -> say("Stopped everything it started."));
        RunWatch watch = new RunWatch();
        try {
            String kafka = options.kafka;
            if (kafka == null) {
                say("Starting Kafka (KRaft, loopback)...");
                KafkaBroker broker = KafkaBroker.start(work.resolve("logs").resolve("kafka.log"),
                        work.resolve("kafka-data"));
                watch.watch("Kafka", broker::isAlive, broker.logFile());
                kafka = broker.bootstrapServers();
            }
            say("Kafka: " + kafka);
            String elasticsearch = options.elasticsearchUrl();
            if (elasticsearch == null) {
                say("Starting Elasticsearch (single node, loopback; up to " + options.elasticsearchTimeout().toSeconds()
                        + " s, --elasticsearch-timeout)...");
                ElasticsearchNode node = ElasticsearchNode.start(work.resolve("logs").resolve("elasticsearch.log"),
                        work.resolve("elasticsearch-data"), options.elasticsearchTimeout());
                watch.watch("Elasticsearch", node::isAlive, node.logFile());
                elasticsearch = node.httpUrl();
            }
            say("Elasticsearch: " + elasticsearch);
            Map<String, Integer> instances = options.instances();
            say("Starting ingest-service, " + described("parser-service", instances) + ", "
                    + described("indexer-service", instances) + "; ingesting from " + source);
            // Registered before the services, so it runs after they stopped: their temp files (Tomcat's work
            // directories among them) go with them.
            ShutdownReaper.register(() -> Directories.deleteQuietly(work.resolve("tmp")));
            OperatorAccess operator = OperatorAccess.forRun(System.getenv());
            PipelineServices services = PipelineServices.start(new PipelineServices.Settings(root, kafka, elasticsearch,
                    source, work, properties, instances, operator.ingestEnvironment()));
            ShutdownReaper.register(() -> say("Stopping everything started..."));
            try {
                services.awaitReady(options.servicesTimeout());
            }
            catch (IllegalStateException ex) {
                if (ex.getMessage().contains("was not ready within")) {
                    warn("The services may take longer on a loaded machine: --services-timeout=SECONDS (now "
                            + options.servicesTimeout().toSeconds() + ")");
                }
                throw ex;
            }
            say("Services ready; logs in " + work.resolve("logs"));
            Map<String, Duration> readyAfter = services.readyAfter();
            services.healthUrls().forEach((name, url) -> say("  " + name + ": " + url + "  (ready after "
                    + readyAfter.get(name).toSeconds() + " s)"));
            String ingestUrl = services.healthUrls().get("ingest-service").replaceFirst("/actuator/health$", "");
            // The one line that may show a generated password (OperatorAccess).
            operator.instructions(ingestUrl, Files.isDirectory(Path.of(source))).forEach(LocalPipeline::say);
            PipelineProgress progress = awaitSettled(services, watch, SettleDeadline.QUIET_LIMIT);
            OptionalLong count = count(elasticsearch, alias);
            System.out.println();
            say(progress.done(count, alias));
            say("Try:  " + SuggestedSearch.curl(elasticsearch, alias));
            RunReport report = RunReport.of(progress, kafka, RunIsolation.parserDeadLetterTopic(properties),
                    RunIsolation.indexerDeadLetterTopic(properties), work.resolve("logs"));
            if (!report.isClean()) {
                warn("Not everything made it through:");
                report.problems().forEach(problem -> warn("  " + problem));
                if (options.exitWhenDone && options.kafka == null && report.hasDeadLetters()) {
                    // The dead letters live in the Kafka this run started, which goes when it exits.
                    warn("  (this run's Kafka stops on exit: run without --exit-when-done to read them while it runs)");
                }
            }
            if (options.exitWhenDone) {
                if (!report.isClean()) {
                    warn("Exit status " + report.exitStatus() + ".");
                }
                // The ShutdownReaper stops what was started.
                System.exit(report.exitStatus());
            }
            say("Still running (the weekly schedule too); new dead letters and failures are reported here as they"
                    + " happen. Press Ctrl-C to stop everything.");
            keepWatching(options, services, watch, progress, kafka, properties, work.resolve("logs"));
        }
        catch (RuntimeException ex) {
            System.err.println("[local-pipeline] failed: " + ex.getMessage());
            System.exit(EXIT_FAILED);
        }
    }

    /**
     * Until Ctrl-C: every {@link #WATCH_INTERVAL}, the progress line when it changed, a line per new dead letter or
     * ingest failure count, and the end of the run (everything stopped, exit status 1) when Kafka, Elasticsearch or
     * a service died. A given Kafka that stops accepting connections is reported (and its return), not fatal.
     */
    private static void keepWatching(RunOptions options, PipelineServices services, RunWatch watch,
            PipelineProgress settled, String kafka, Map<String, String> properties, Path logs)
            throws InterruptedException {
        Instant start = Instant.now();
        PipelineProgress reported = settled;
        boolean kafkaReachable = true;
        while (true) {
            Thread.sleep(WATCH_INTERVAL.toMillis());
            if (ShutdownReaper.isClosing()) {
                return;
            }
            List<String> stopped = stoppedUnexpectedly(services, watch);
            if (!stopped.isEmpty()) {
                stopped.forEach(line -> warn(line));
                warn("The pipeline cannot work without it: stopping everything (exit status " + EXIT_FAILED + ").");
                System.exit(EXIT_FAILED);
            }
            if (options.kafka != null) {
                var unreachable = KafkaReachability.problem(options.kafka, Duration.ofSeconds(2));
                if (unreachable.isPresent() == kafkaReachable) {
                    kafkaReachable = unreachable.isEmpty();
                    warn(kafkaReachable ? "--kafka=" + options.kafka + " is reachable again"
                            : "--kafka=" + options.kafka + " cannot be reached: " + unreachable.get());
                }
            }
            PipelineProgress now = services.progress();
            if (!growsFrom(reported, now)) {
                // A scrape that failed (counts 0) or a service that restarted: no news, and no false "more" later.
                continue;
            }
            if (!now.summary().equals(reported.summary())) {
                say(String.format("[%3ds] %s", Duration.between(start, Instant.now()).toSeconds(), now.summary()));
            }
            RunReport.newProblems(reported, now, kafka, RunIsolation.parserDeadLetterTopic(properties),
                    RunIsolation.indexerDeadLetterTopic(properties), logs).forEach(line -> warn(line));
            reported = now;
        }
    }

    /** Whether no failure count went down: a count that did comes from a failed scrape or a restarted service. */
    private static boolean growsFrom(PipelineProgress before, PipelineProgress now) {
        return now.issuesFailed() >= before.issuesFailed() && now.issuesRejected() >= before.issuesRejected()
                && now.deadLetters() >= before.deadLetters() && now.articlesIndexed() >= before.articlesIndexed();
    }

    private static List<String> stoppedUnexpectedly(PipelineServices services, RunWatch watch) {
        if (ShutdownReaper.isClosing()) {
            // Ctrl-C: the reaper is stopping them. (And System.exit from here would block for ever.)
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>(watch.stopped());
        services.exited().forEach(name -> lines.add(name + " stopped unexpectedly; see " + services.logFile(name)));
        return lines;
    }

    /** Until the pipeline settles, or its progress has not changed for {@code quietLimit} ({@link SettleDeadline}). */
    private static PipelineProgress awaitSettled(PipelineServices services, RunWatch watch, Duration quietLimit)
            throws InterruptedException {
        Instant start = Instant.now();
        SettleDeadline deadline = new SettleDeadline(quietLimit, STILL_WAITING_EVERY, start);
        while (true) {
            PipelineProgress progress = services.progress();
            String line = progress.summary();
            Instant now = Instant.now();
            if (deadline.observe(line, now)) {
                say(String.format("[%3ds] %s", Duration.between(start, now).toSeconds(), line));
            }
            if (progress.isSettled()) {
                return progress;
            }
            List<String> stopped = stoppedUnexpectedly(services, watch);
            if (!stopped.isEmpty()) {
                throw new IllegalStateException(String.join("; ", stopped));
            }
            String stage = progress.stuckStage();
            if (deadline.expired(now)) {
                throw new IllegalStateException("not settled: nothing changed for " + quietLimit.toMinutes()
                        + " min, " + stage + " has work outstanding (" + line + "); see " + services.logFile(stage));
            }
            if (deadline.reminderDue(now)) {
                say(String.format("[%3ds] still waiting for %s (unchanged for %d s; gives up after %d min unchanged)",
                        Duration.between(start, now).toSeconds(), stage, deadline.unchangedFor(now).toSeconds(),
                        quietLimit.toMinutes()));
            }
            Thread.sleep(1000);
        }
    }

    /** The alias's article count after a refresh; empty (with a warning saying why) when it could not be read. */
    private static OptionalLong count(String elasticsearch, String alias) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + alias + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(elasticsearch + "/" + alias + "/_count")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(response.body());
            if (response.statusCode() == 200 && m.find()) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
            warn("Could not count the articles of " + elasticsearch + "/" + alias + ": HTTP " + response.statusCode());
        }
        catch (IOException ex) {
            warn("Could not count the articles of " + elasticsearch + "/" + alias + ": " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return OptionalLong.empty();
    }

    /**
     * Why {@code --scale} asks for more instances than the consumed topic's partitions, as the contract in the
     * checkout documents them (what {@link TopicPartitions} gives the topics it creates; a kept topic grown beyond
     * them by hand allows no more); empty when it does not, or names no service. Reads the contract in a child JVM.
     */
    static Optional<String> scaleRefusal(RunOptions options, Path root) {
        if (options.instances().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> documented = TopicPartitions.documented(
                root.resolve("article-contract").resolve("asyncapi.yaml"));
        return PipelineServices.instancesBeyondPartitions(options.instances(), Map.of(), documented);
    }

    /** {@code parser-service} or {@code parser-service x2}. */
    private static String described(String service, Map<String, Integer> instances) {
        int count = instances.getOrDefault(service, 1);
        return count == 1 ? service : service + " x" + count;
    }

    private static void say(String line) {
        System.out.println("[local-pipeline] " + line);
    }

    private static void warn(String line) {
        System.err.println("[local-pipeline] " + line);
    }
}
