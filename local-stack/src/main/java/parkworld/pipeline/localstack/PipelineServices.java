package parkworld.pipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkworld.pipeline.contract.PipelineMeters;

/**
 * The three packaged services ({@code <service>/target/<service>.jar}) as child processes wired to one Kafka and
 * one Elasticsearch: what the run command starts, and what the end-to-end tests drive.
 */
public final class PipelineServices implements AutoCloseable {

    private static final List<String> JVM_ARGS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            // the worst an out-of-memory error may do is a restart: never a process that is up but consumes nothing
            "-XX:+ExitOnOutOfMemoryError");

    private final Settings settings;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, ServiceMetrics> metrics = new LinkedHashMap<>();

    private PipelineServices(Settings settings) {
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
     */
    public record Settings(Path projectRoot, String kafkaBootstrapServers, String elasticsearchUrl, String source,
            Path workDirectory, Map<String, String> properties) {
    }

    public static PipelineServices start(Settings settings) {
        PipelineServices services = new PipelineServices(settings);
        try {
            services.startService("indexer-service", List.of("--parkworld.elasticsearch.uris=" + settings.elasticsearchUrl()));
            // The parser reads only PDFs inside the blob store ingest writes to.
            services.startService("parser-service",
                    List.of("--parkworld.parser.blob-store.location=" + settings.workDirectory().resolve("blobs").toUri()));
            services.startIngest();
        }
        catch (RuntimeException ex) {
            services.close();
            throw ex;
        }
        return services;
    }

    /** Stops the ingest-service and starts it again on the same blob store: a second, identical ingest run. */
    public void restartIngest() {
        ServiceProcess ingest = this.processes.remove("ingest-service");
        if (ingest != null) {
            ingest.close();
        }
        startIngest();
    }

    private void startIngest() {
        List<String> args = new ArrayList<>(List.of("--parkworld.ingest.source.location=" + this.settings.source(),
                "--parkworld.ingest.blob-store.location=" + this.settings.workDirectory().resolve("blobs").toUri(),
                "--parkworld.ingest.schedule.run-on-startup=true"));
        if (isOnLoopback(this.settings.source())) {
            // The crawler refuses loopback addresses unless told: here the operator named a site on this machine.
            args.add("--parkworld.ingest.crawler.allow-loopback=true");
        }
        startService("ingest-service", args);
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

    private void startService(String name, List<String> specific) {
        Path jar = this.settings.projectRoot().resolve(name).resolve("target").resolve(name + ".jar");
        int port = FreePorts.onLoopback(1)[0];
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--spring.cloud.stream.kafka.binder.brokers=" + this.settings.kafkaBootstrapServers());
        this.settings.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(specific);
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
        List<String> jvmArgs = new ArrayList<>(JVM_ARGS);
        jvmArgs.add("-Djava.io.tmpdir=" + temp);
        this.processes.put(name, ServiceProcess.start(jar, jvmArgs, args, Map.of(), log));
        this.metrics.put(name, new ServiceMetrics(port));
    }

    /** Waits until every service reports ready, or fails naming the one that is not, with its log. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (Map.Entry<String, ServiceMetrics> service : this.metrics.entrySet()) {
            ServiceProcess process = this.processes.get(service.getKey());
            while (!service.getValue().isReady()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.getKey() + " exited during startup; see " + process.logFile()
                            + "\n" + LogFile.tail(process.logFile(), 30));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.getKey() + " not ready after " + timeout + "; see "
                            + process.logFile() + "\n" + LogFile.tail(process.logFile(), 30));
                }
                Thread.sleep(250);
            }
        }
    }

    /** What the services have done so far, from their metrics. */
    public PipelineProgress progress() {
        return progress(this.metrics.get("ingest-service").scrape(), this.metrics.get("parser-service").scrape(),
                this.metrics.get("indexer-service").scrape());
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
                count(ingest, ingestIssues, Map.of(PipelineMeters.TAG_OUTCOME, "unchanged")),
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
        Map<String, Long> failures = new java.util.HashMap<>(ServiceMetrics.countBy(ingest, ingestIssues,
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

    /** Each service's {@code /actuator/prometheus} text right now (empty for one that cannot be read), in start order. */
    public Map<String, String> scrapes() {
        Map<String, String> scrapes = new LinkedHashMap<>();
        this.metrics.forEach((name, service) -> scrapes.put(name, service.scrape()));
        return scrapes;
    }

    /** Services that stopped although nobody asked them to. */
    public List<String> exited() {
        return this.processes.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    /** Each service's health endpoint, in start order; the ports are random. */
    public Map<String, String> healthUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        this.metrics.forEach((name, service) -> urls.put(name, service.actuatorUrl() + "/health"));
        return urls;
    }

    public Path logFile(String service) {
        return this.processes.get(service).logFile();
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(this.processes.keySet());
        java.util.Collections.reverse(names);
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
