package parkworld.pipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import parkworld.pipeline.contract.PipelineMeters;

/**
 * The three packaged services ({@code <service>/target/<service>.jar}) as child processes wired to one Kafka and
 * one Elasticsearch: what the run command starts, and what the end-to-end tests drive. The parser and the indexer may
 * run as several instances ({@link Settings#instances}), each a process of its own in its service's consumer group,
 * named {@code parser-service}, {@code parser-service-2}... (their log files alike); progress sums over them.
 */
public final class PipelineServices implements AutoCloseable {

    /** The services that may run as several instances; ingest may not (each run fences the one before it). */
    public static final Set<String> SCALABLE = Set.of("parser-service", "indexer-service");

    /** Each {@link #SCALABLE} service and the topic its instances share ({@code parkworld.topics.<name>}). */
    private static final List<Map.Entry<String, String>> CONSUMED_TOPICS = List.of(
            Map.entry("parser-service", "issues-fetched"), Map.entry("indexer-service", "articles"));

    private static final List<String> JVM_ARGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            // the worst an out-of-memory error may do is a restart: never a process that is up but consumes nothing
            "-XX:+ExitOnOutOfMemoryError");

    /** {@code -Dparkworld.local-stack.class-data-sharing=false} starts the services from their jars, as before. */
    static final boolean CLASS_DATA_SHARING =
            !"false".equals(System.getProperty("parkworld.local-stack.class-data-sharing"));

    /**
     * Each service's heap (README, "Memory"): the parser holds one issue at a time (PDFBox, the page's glyphs) and
     * must stay within 256 MB whatever the corpus size; the indexer a batch of at most 500 articles.
     */
    static final Map<String, String> HEAPS = Map.of("ingest-service", "-Xmx256m", "parser-service", "-Xmx256m",
            "indexer-service", "-Xmx256m");

    /**
     * The prefix of the training starts' topics, groups, transactional ids and index: the same for every training, so
     * a kept Kafka and Elasticsearch hold one set of them however many builds were trained.
     */
    static final String TRAINING_NAMES = "local-cds-training";

    private final Settings settings;
    /** By instance name ({@code parser-service-2}), in start order. */
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, ServiceMetrics> metrics = new LinkedHashMap<>();
    /** Instance name to its service ({@code parser-service-2} to {@code parser-service}). */
    private final Map<String, String> serviceOf = new LinkedHashMap<>();
    /** Instance name to when it was started, and to how long it took to report ready. */
    private final Map<String, Instant> startedAt = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();

    // Package-private for the tests of the command lines it gives (commandLine); start() is the way in.
    PipelineServices(Settings settings) {
        this.settings = settings;
    }

    /**
     * Where the services connect and what they ingest.
     *
     * @param projectRoot           the checkout, holding {@code <service>/target/<service>.jar}
     * @param kafkaBootstrapServers the broker
     * @param elasticsearchUrl      the cluster
     * @param source                what ingest reads: a listing page URL or a local folder
     * @param workDirectory         blob store and logs
     * @param properties            further {@code name=value} settings passed to every service
     * @param instances             instances of {@link #SCALABLE} services, e.g. {@code parser-service} to 2; one
     *                              for a service not named
     * @param ingestEnvironment     environment variables for the ingest-service only, on top of this JVM's (the
     *                              operator password: an environment variable, so it shows in no command line)
     */
    public record Settings(Path projectRoot, String kafkaBootstrapServers, String elasticsearchUrl, String source,
            Path workDirectory, Map<String, String> properties, Map<String, Integer> instances,
            Map<String, String> ingestEnvironment) {

        public Settings {
            properties = Map.copyOf(properties);
            instances = Map.copyOf(instances);
            ingestEnvironment = Map.copyOf(ingestEnvironment);
            if (!SCALABLE.containsAll(instances.keySet())) {
                throw new IllegalArgumentException("Only " + new TreeSet<>(SCALABLE)
                        + " may run as several instances, not " + instances.keySet());
            }
        }

        /** Nothing added to ingest's environment. */
        public Settings(Path projectRoot, String kafkaBootstrapServers, String elasticsearchUrl, String source,
                Path workDirectory, Map<String, String> properties, Map<String, Integer> instances) {
            this(projectRoot, kafkaBootstrapServers, elasticsearchUrl, source, workDirectory, properties, instances,
                    Map.of());
        }

        /** One instance of each service. */
        public Settings(Path projectRoot, String kafkaBootstrapServers, String elasticsearchUrl, String source,
                Path workDirectory, Map<String, String> properties) {
            this(projectRoot, kafkaBootstrapServers, elasticsearchUrl, source, workDirectory, properties, Map.of());
        }

        int instancesOf(String service) {
            return PipelineServices.instancesOf(this.instances, service);
        }
    }

    /**
     * Gives the partitioned topics their partitions (see {@link TopicPartitions}), then starts the services and
     * returns at once; {@link #awaitReady} waits for them.
     *
     * @throws IllegalArgumentException when more instances of a service are asked for than its topic has partitions:
     *                                  the extra ones would never get anything to consume
     */
    public static PipelineServices start(Settings settings) {
        Path asyncApi = settings.projectRoot().resolve("article-contract").resolve("asyncapi.yaml");
        Map<String, Integer> partitions = TopicPartitions.ensure(settings.kafkaBootstrapServers(), asyncApi,
                settings.properties(), settings.workDirectory().resolve("logs").resolve("topics.log"));
        instancesBeyondPartitions(settings.instances(), settings.properties(), partitions).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        PipelineServices services = new PipelineServices(settings);
        try {
            services.prepareClassDataSharing();
            for (String service : List.of("indexer-service", "parser-service", "ingest-service")) {
                for (int instance = 1; instance <= settings.instancesOf(service); instance++) {
                    services.startService(service, instance);
                }
            }
        }
        catch (RuntimeException ex) {
            services.close();
            throw ex;
        }
        return services;
    }

    /** What one service, and one instance of it, is told beyond the common settings. */
    private List<String> specificArgs(String service, int instance) {
        return specificArgs(service, instance, this.settings.properties());
    }

    private List<String> specificArgs(String service, int instance, Map<String, String> properties) {
        Path blobs = this.settings.workDirectory().resolve("blobs");
        return switch (service) {
            case "indexer-service" -> List.of("--parkworld.elasticsearch.uris=" + this.settings.elasticsearchUrl());
            // The parser reads only PDFs inside the blob store ingest writes to. Its transactional.id names the
            // instance: unique among the live ones (two sharing it would fence each other) and the same on the next
            // run (which then fences a zombie of this one), as a StatefulSet's pod names are.
            case "parser-service" -> List.of("--parkworld.parser.blob-store.location=" + blobs.toUri(),
                    "--parkworld.parser.instance-id=" + parserInstanceId(properties, instance));
            default -> ingestArgs();
        };
    }

    /**
     * Makes each service jar's CDS archive when it is missing or older than the jar ({@link ClassDataSharing}): once
     * after a build, all three at the same time, each started up to readiness with the settings of its first instance
     * but with names of its own ({@link #TRAINING_NAMES}): it consumes nothing of the run's topics, joins none of its
     * groups, fences none of its transactional ids and writes to an index of its own.
     */
    private void prepareClassDataSharing() {
        List<Thread> trainings = new ArrayList<>();
        for (String service : List.of("indexer-service", "parser-service", "ingest-service")) {
            ClassDataSharing cds = ClassDataSharing.of(jar(service));
            if (!CLASS_DATA_SHARING || cds.isReady()) {
                continue;
            }
            int port = FreePorts.onLoopback(1)[0];
            List<String> args = trainingCommandLine(service, port);
            Map<String, String> environment = service.equals("ingest-service") ? this.settings.ingestEnvironment()
                    : Map.of();
            Path temp = temporaryDirectory(service + "-training");
            Path log = this.settings.workDirectory().resolve("logs").resolve(service + "-cds-training.log");
            Thread training = new Thread(() -> {
                Directories.deleteQuietly(temp);
                try {
                    Files.createDirectories(temp);
                    cds.prepare(jvmArgs(service, temp), args, environment, port, log);
                }
                catch (java.io.IOException ex) {
                    LogFile.note(log, "cannot create " + temp + ": " + ex);
                }
                finally {
                    Directories.deleteQuietly(temp);
                }
            }, service + "-cds-training");
            training.start();
            trainings.add(training);
        }
        if (!trainings.isEmpty()) {
            System.out.println("[local-pipeline] Preparing class data sharing for " + trainings.size()
                    + " service jar(s) built since the last run (once per build: faster start-ups from then on)...");
        }
        for (Thread training : trainings) {
            try {
                training.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing class data sharing", ex);
            }
        }
    }

    /**
     * The command line (after the jar) of a service's training start on the port: its first instance's, with the
     * training's own names in place of the run's, and never an ingest run.
     */
    List<String> trainingCommandLine(String service, int port) {
        Map<String, String> properties = new LinkedHashMap<>(this.settings.properties());
        properties.putAll(RunIsolation.isolated(TRAINING_NAMES));
        if (service.equals("ingest-service")) {
            // Given with the common arguments, these replace ingestArgs' run-on-startup=true (see arguments).
            properties.put("parkworld.ingest.schedule.run-on-startup", "false");
            properties.put("parkworld.ingest.schedule.cron", "-");
        }
        return arguments(commonArgs(port, properties), specificArgs(service, 1, properties));
    }

    private Path jar(String service) {
        return this.settings.projectRoot().resolve(service).resolve("target").resolve(service + ".jar");
    }

    /** The parser's {@code parkworld.parser.instance-id} for an instance: {@code local-1}, or isolated per run. */
    static String parserInstanceId(Map<String, String> properties, int instance) {
        return properties.getOrDefault(RunIsolation.PARSER_INSTANCE_PROPERTY, "local") + "-" + instance;
    }

    /**
     * Why these instances cannot all consume, when a service is given more instances than the topic it consumes has
     * partitions: the extra ones would never get anything to consume.
     *
     * @param instances  as {@link Settings#instances}
     * @param properties the services' properties ({@code parkworld.topics.*} in it rename topics)
     * @param partitions topic to partitions, as {@link TopicPartitions} gives or documents them; a topic not in it has one
     */
    static Optional<String> instancesBeyondPartitions(Map<String, Integer> instances,
            Map<String, String> properties, Map<String, Integer> partitions) {
        for (Map.Entry<String, String> consumed : CONSUMED_TOPICS) {
            String service = consumed.getKey();
            String property = RunIsolation.TOPIC_PROPERTY_PREFIX + consumed.getValue();
            String topic = properties.getOrDefault(property, RunIsolation.contractTopics().get(property));
            int count = partitions.getOrDefault(topic, 1);
            int wanted = instancesOf(instances, service);
            if (wanted > count) {
                return Optional.of(wanted + " instances of " + service + " but its topic " + topic + " has "
                        + count + " partition(s) (bindings.kafka.partitions of its channel in"
                        + " article-contract/asyncapi.yaml): the others would consume nothing");
            }
        }
        return Optional.empty();
    }

    /** A service not named in {@code instances} runs as one instance. */
    private static int instancesOf(Map<String, Integer> instances, String service) {
        return instances.getOrDefault(service, 1);
    }

    /** Stops the ingest-service and starts it again on the same blob store: a second, identical ingest run. */
    public void restartIngest() {
        ServiceProcess ingest = this.processes.remove("ingest-service");
        if (ingest != null) {
            ingest.close();
        }
        startService("ingest-service", 1);
    }

    private List<String> ingestArgs() {
        return ingestArgs(this.settings.source(), this.settings.workDirectory().resolve("blobs"));
    }

    /** What ingest is told: where it ingests from, where it stores, and the folder an operator may backfill. */
    static List<String> ingestArgs(String source, Path blobs) {
        List<String> args = new ArrayList<>(List.of("--parkworld.ingest.source.location=" + source,
                "--parkworld.ingest.blob-store.location=" + blobs.toUri(),
                "--parkworld.ingest.schedule.run-on-startup=true"));
        if (isOnLoopback(source)) {
            // The crawler refuses loopback addresses unless told: here the operator named a site on this machine.
            args.add("--parkworld.ingest.crawler.allow-loopback=true");
        }
        if (isFolder(source)) {
            // The only folder an operator's folder backfill may read (unset, POST /operator/backfills {"folder":true}
            // is refused): the folder this run ingests from.
            args.add("--parkworld.ingest.operator.backfill-folder=" + source);
        }
        return args;
    }

    private static boolean isFolder(String source) {
        try {
            return !source.matches("(?i)https?://.*") && Files.isDirectory(Path.of(source));
        }
        catch (java.nio.file.InvalidPathException ex) {
            return false;
        }
    }

    private static boolean isOnLoopback(String source) {
        try {
            java.net.URI uri = java.net.URI.create(source);
            return uri.getHost() != null && java.net.InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        }
        catch (IllegalArgumentException | java.io.IOException ex) {
            return false;
        }
    }

    /** {@code parser-service} for the first instance, {@code parser-service-2} for the second... */
    static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    /** The command line (after the jar) of one instance of a service listening on the port. */
    List<String> commandLine(String service, int instance, int port) {
        return arguments(commonArgs(port), specificArgs(service, instance));
    }

    private void startService(String service, int instance) {
        String name = instanceName(service, instance);
        Path jar = jar(service);
        int port = FreePorts.onLoopback(1)[0];
        List<String> args = commandLine(service, instance, port);
        Path log = this.settings.workDirectory().resolve("logs").resolve(name + ".log");
        // The service's temporary files (Tomcat's work and document base directories among them) in a directory of
        // its own, emptied before it starts and removed when it stops: nothing is left behind in the system's /tmp.
        Path temp = temporaryDirectory(name);
        Directories.deleteQuietly(temp);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(temp);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        List<String> jvmArgs = jvmArgs(service, temp);
        ClassDataSharing cds = ClassDataSharing.of(jar);
        if (CLASS_DATA_SHARING && cds.isReady()) {
            jvmArgs.add("-XX:SharedArchiveFile=" + cds.archive());
            jar = cds.extractedJar();
        }
        Map<String, String> environment = service.equals("ingest-service") ? this.settings.ingestEnvironment() : Map.of();
        this.processes.put(name, ServiceProcess.start(jar, jvmArgs, args, environment, log));
        this.metrics.put(name, new ServiceMetrics(port));
        this.serviceOf.put(name, service);
        this.startedAt.put(name, Instant.now());
        // A restarted instance (restartIngest) is awaited, and timed, again.
        this.readyAfter.remove(name);
    }

    /**
     * A service's command line: the common arguments (the caller's properties among them), then its own defaults,
     * except those the common arguments already give. Given twice, a property reaches Spring as both values joined
     * with a comma (a backfill folder of "/a,/b" is no folder at all), so the caller's replaces the default. A
     * property the common arguments leave out (the parser's instance id, made per instance) keeps its default.
     */
    static List<String> arguments(List<String> common, List<String> specific) {
        Set<String> given = new HashSet<>();
        common.forEach(arg -> propertyOf(arg).ifPresent(given::add));
        List<String> args = new ArrayList<>(common);
        for (String arg : specific) {
            if (propertyOf(arg).map(property -> !given.contains(property)).orElse(true)) {
                args.add(arg);
            }
        }
        return args;
    }

    private static Optional<String> propertyOf(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 ? Optional.of(arg.substring(2, equals))
                : Optional.empty();
    }

    private List<String> commonArgs(int port) {
        return commonArgs(port, this.settings.properties());
    }

    private List<String> commonArgs(int port, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--spring.cloud.stream.kafka.binder.brokers=" + this.settings.kafkaBootstrapServers());
        properties.forEach((k, v) -> {
            // The parser's is per instance (specificArgs): given twice, Spring would join the two values with a comma.
            if (!k.equals(RunIsolation.PARSER_INSTANCE_PROPERTY)) {
                args.add("--" + k + "=" + v);
            }
        });
        return args;
    }

    private static List<String> jvmArgs(String service, Path temp) {
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add(HEAPS.get(service));
        jvmArgs.addAll(JVM_ARGS);
        jvmArgs.add("-Djava.io.tmpdir=" + temp);
        return jvmArgs;
    }

    /**
     * Waits until every service reports ready, or fails naming the one that is not, with its log. All instances are
     * polled in each round (every 250 ms), so each one's {@link #readyAfter} is its own, not the time the one before
     * it in start order took.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            boolean allReady = true;
            for (Map.Entry<String, ServiceMetrics> service : this.metrics.entrySet()) {
                if (this.readyAfter.containsKey(service.getKey())) {
                    continue;
                }
                ServiceProcess process = this.processes.get(service.getKey());
                if (service.getValue().isReady()) {
                    this.readyAfter.put(service.getKey(),
                            Duration.between(this.startedAt.get(service.getKey()), Instant.now()));
                    continue;
                }
                allReady = false;
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.getKey() + " exited during startup; see " + process.logFile()
                            + "\n" + LogFile.tail(process.logFile(), 30));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.getKey() + " was not ready within " + timeout.toSeconds()
                            + " s; see " + process.logFile() + "\n" + LogFile.tail(process.logFile(), 30));
                }
            }
            if (allReady) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /** How long each instance took from its start to reporting ready (at most), once {@link #awaitReady} returned. */
    public Map<String, Duration> readyAfter() {
        return Map.copyOf(this.readyAfter);
    }

    /** What the services have done so far, from their metrics, summed over each service's instances. */
    public PipelineProgress progress() {
        return progress(scrape("ingest-service"), scrape("parser-service"), scrape("indexer-service"));
    }

    /** The scrapes of every instance of a service, one after the other: each counter then sums over them. */
    private String scrape(String service) {
        return this.metrics.entrySet().stream()
            .filter(instance -> this.serviceOf.get(instance.getKey()).equals(service))
            .map(instance -> instance.getValue().scrape())
            .collect(Collectors.joining("\n"));
    }

    /**
     * The progress the three scrapes show. Dead letters are {@link PipelineMeters#DEAD_LETTERS} in the parser's and
     * the indexer's scrape, per reason; ingest failures are {@link PipelineMeters#INGEST_ISSUES} with outcome
     * {@code failed}, per reason.
     */
    static PipelineProgress progress(String ingest, String parser, String indexer) {
        String ingestIssues = PipelineMeters.prometheus(PipelineMeters.INGEST_ISSUES, "_total");
        String deadLetters = PipelineMeters.prometheus(PipelineMeters.DEAD_LETTERS, "_total");
        return new PipelineProgress(
                ServiceMetrics.sum(ingest, PipelineMeters.prometheus(PipelineMeters.INGEST_RUN_DURATION, "_seconds_count"),
                        Map.of()) >= 1,
                count(ingest, ingestIssues, Map.of(PipelineMeters.TAG_OUTCOME, "published")),
                // A second URL of the same bytes (outcome duplicate) is not announced either: else a run that found
                // the same issue twice showed one issue fewer than it found, and nowhere why.
                count(ingest, ingestIssues, Map.of(PipelineMeters.TAG_OUTCOME, "unchanged"))
                        + count(ingest, ingestIssues, Map.of(PipelineMeters.TAG_OUTCOME, "duplicate")),
                ingestFailures(ingest, ingestIssues),
                // every issue published, whether its parse is degraded or not (outcome parsed or degraded)
                count(parser, PipelineMeters.prometheus(PipelineMeters.PARSER_ISSUES, "_total"), Map.of()),
                ServiceMetrics.countBy(parser, deadLetters, Map.of(), PipelineMeters.TAG_REASON),
                count(parser, PipelineMeters.prometheus(PipelineMeters.PARSER_ARTICLES, "_total"), Map.of()),
                count(indexer, PipelineMeters.prometheus(PipelineMeters.INDEXER_ARTICLES_INDEXED, "_total"), Map.of())
                        + count(indexer, PipelineMeters.prometheus(PipelineMeters.INDEXER_ARTICLES_STALE, "_total"),
                                Map.of()),
                ServiceMetrics.countBy(indexer, deadLetters, Map.of(), PipelineMeters.TAG_REASON));
    }

    /**
     * Issues that failed per reason, and runs whose discovery failed (the source went away after the pre-flight
     * check, no listing page could be read) as {@code DISCOVERY_FAILED}: else such a run reads as "no issues were
     * found at the source".
     */
    private static Map<String, Long> ingestFailures(String ingest, String ingestIssues) {
        Map<String, Long> failures = new HashMap<>(ServiceMetrics.countBy(ingest, ingestIssues,
                Map.of(PipelineMeters.TAG_OUTCOME, "failed"), PipelineMeters.TAG_REASON));
        long discoveryFailed = count(ingest, ingestIssues, Map.of(PipelineMeters.TAG_OUTCOME, "discovery_failed"));
        if (discoveryFailed > 0) {
            failures.merge(PipelineProgress.DISCOVERY_FAILED, discoveryFailed, Long::sum);
        }
        return failures;
    }

    private static long count(String scrape, String metric, Map<String, String> labels) {
        return Math.round(ServiceMetrics.sum(scrape, metric, labels));
    }

    /**
     * Each instance's {@code /actuator/prometheus} text right now (empty for one that cannot be read), by instance
     * name, in start order.
     */
    public Map<String, String> scrapes() {
        Map<String, String> scrapes = new LinkedHashMap<>();
        this.metrics.forEach((name, service) -> scrapes.put(name, service.scrape()));
        return scrapes;
    }

    /** Services that stopped although nobody asked them to. */
    public List<String> exited() {
        return this.processes.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    /** Each instance's health endpoint, by instance name, in start order; the ports are random. */
    public Map<String, String> healthUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        this.metrics.forEach((name, service) -> urls.put(name, service.actuatorUrl() + "/health"));
        return urls;
    }

    /** The log file of an instance ({@code parser-service-2}); a service's name gives its first instance's. */
    public Path logFile(String instance) {
        return this.processes.get(instance).logFile();
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(this.processes.keySet());
        Collections.reverse(names);
        names.forEach(name -> {
            this.processes.remove(name).close();
            Directories.deleteQuietly(temporaryDirectory(name));
        });
    }

    /** Where a service's {@code java.io.tmpdir} points. */
    Path temporaryDirectory(String service) {
        return this.settings.workDirectory().resolve("tmp").resolve(service);
    }
}
