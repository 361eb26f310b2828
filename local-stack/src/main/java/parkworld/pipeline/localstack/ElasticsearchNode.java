package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Elasticsearch running as a child process on loopback, security off, from the distribution the
 * local-stack build unpacked from Maven Central. It runs from a private copy of that distribution (removed by
 * {@link #close()}), as an unprivileged user when this JVM runs as root; the log file stays. It can be
 * {@link #stop() stopped} and {@link #startAgain() started again} on the same port and data, as a restart would.
 */
public final class ElasticsearchNode extends LocalServer {

    // 120 s was exceeded three times in a row on the 2-core development machine under a load average of 20+ (other
    // builds); a node that is merely slow must not fail a run or a test.
    static final int DEFAULT_STARTUP_SECONDS = 300;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(DEFAULT_STARTUP_SECONDS);
    private static final String HEAP = "-Xms512m -Xmx512m";
    /** Inherited settings that would change which JVM or options Elasticsearch's launcher uses. */
    private static final List<String> FOREIGN_ENVIRONMENT = List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JAVA_OPTS", "ES_PATH_CONF", "ES_JAVA_OPTS", "CLI_JAVA_OPTS");

    private final int httpPort;
    private final ProcessOwner owner;
    private final Path jdk;
    private final Duration startupTimeout;

    private ElasticsearchNode(ChildProcess process, Path workDirectory, int httpPort, ProcessOwner owner, Path jdk,
            Duration startupTimeout) {
        super(process, workDirectory);
        this.startupTimeout = startupTimeout;
        this.httpPort = httpPort;
        this.owner = owner;
        this.jdk = jdk;
    }

    /** Starts a node logging to a new file under the local-stack logs directory; returns once it is yellow or green. */
    public static ElasticsearchNode start() {
        return start(Binaries.load().newLogFile("elasticsearch"));
    }

    /** Starts a node logging to {@code logFile} (truncated first); returns once it is yellow or green. */
    public static ElasticsearchNode start(Path logFile) {
        return start(logFile, null);
    }

    /**
     * Starts a node whose indices live in {@code dataDirectory}, kept by {@link #close()}: the next node started on
     * it has them all (on new ports). The unprivileged user Elasticsearch runs as must be able to reach it.
     *
     * @param dataDirectory null for a temporary one inside the work directory, removed by {@link #close()}
     */
    public static ElasticsearchNode start(Path logFile, Path dataDirectory) {
        return start(logFile, dataDirectory, STARTUP_TIMEOUT);
    }

    /** As {@link #start(Path, Path)}, failing when the node is not yellow or green within {@code startupTimeout}. */
    public static ElasticsearchNode start(Path logFile, Path dataDirectory, Duration startupTimeout) {
        Binaries binaries = Binaries.load();
        Path distribution = binaries.requireElasticsearchHome();
        ProcessOwner owner = ProcessOwner.forElasticsearch();
        // Outside the checkout, which may sit in a directory the unprivileged user cannot enter.
        WorkDirectory work = WorkDirectory.create("parkworld-es-" + binaries.elasticsearchVersion() + "-");
        Path workDirectory = work.path();
        ChildProcess process = null;
        try {
            long began = System.nanoTime();
            int[] ports = FreePorts.onLoopback(2);
            int httpPort = ports[0];
            Path data = dataDirectory == null ? workDirectory.resolve("data")
                    : dataDirectory.toAbsolutePath().normalize();
            prepareCopy(distribution, workDirectory, httpPort, ports[1], data);
            owner.takeOwnership(workDirectory);
            if (dataDirectory != null) {
                owner.takeOwnership(data);
            }
            Path jdk = ElasticsearchJdk.choose(binaries.elasticsearchJavaHome(), workDirectory, owner);
            LogFile.begin(logFile, "Elasticsearch " + binaries.elasticsearchVersion() + " on http://127.0.0.1:"
                    + httpPort + " as " + owner.describe() + ", JDK " + jdk + ", work directory " + workDirectory);

            process = launch(workDirectory, owner, jdk, httpPort, logFile, began, startupTimeout);
            ElasticsearchNode node = new ElasticsearchNode(process, workDirectory, httpPort, owner, jdk,
                    startupTimeout);
            ShutdownReaper.register(node);
            work.handOver();
            return node;
        } catch (RuntimeException e) {
            LocalServer.stop(process, workDirectory);
            work.close();
            throw e;
        }
    }

    /**
     * Stops the node as an operator would: SIGTERM to its process tree, SIGKILL after the grace period. Returns once
     * every process has exited, so the HTTP port refuses connections. The work directory, its configuration (ports)
     * and the data stay, for {@link #startAgain()}.
     */
    public void stop() {
        stopProcess();
        LogFile.note(logFile(), "stopped; the work directory and data stay for a restart");
    }

    /**
     * Starts the node {@link #stop() stopped} before again, with the same configuration: same HTTP port, same data
     * directory. Returns once it is yellow or green, i.e. the primary shards of every index it had are recovered.
     */
    public synchronized void startAgain() {
        if (isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        Path logFile = logFile();
        LogFile.note(logFile, "starting again on http://127.0.0.1:" + httpPort);
        replaceProcess(launch(workDirectory(), owner, jdk, httpPort, logFile, System.nanoTime(), startupTimeout));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String toString() {
        return "ElasticsearchNode[" + httpUrl() + ", " + processDescription() + "]";
    }

    /** Starts the configured copy in {@code workDirectory}; returns once it is yellow or green, or fails. */
    private static ChildProcess launch(Path workDirectory, ProcessOwner owner, Path jdk, int httpPort, Path logFile,
            long began, Duration startupTimeout) {
        ChildProcess process = ChildProcess.start("Elasticsearch", launcher(workDirectory, owner, jdk), logFile,
                ChildProcess.DEFAULT_GRACE);
        try {
            process.awaitReady(new HealthProbe(httpPort)::isYellowOrGreen, startupTimeout);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        LogFile.note(logFile, "ready after " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
        return process;
    }

    private static void prepareCopy(Path distribution, Path workDirectory, int httpPort, int transportPort,
            Path data) {
        Directories.copyContents(distribution, workDirectory);
        try {
            Files.createDirectories(workDirectory.resolve("tmp"));
            Files.createDirectories(data);
            Files.writeString(workDirectory.resolve("config/elasticsearch.yml"), ElasticsearchSettings.render(
                    ElasticsearchSettings.singleNode(httpPort, transportPort, data, workDirectory.resolve("logs"))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot configure Elasticsearch in " + workDirectory, e);
        }
    }

    private static ProcessBuilder launcher(Path workDirectory, ProcessOwner owner, Path jdk) {
        String script = workDirectory.resolve("bin/elasticsearch").toString();
        ProcessBuilder builder = new ProcessBuilder(owner.wrap(List.of(script))).directory(workDirectory.toFile());
        Map<String, String> environment = builder.environment();
        FOREIGN_ENVIRONMENT.forEach(environment::remove);
        String tmp = workDirectory.resolve("tmp").toString();
        environment.put("ES_JAVA_HOME", jdk.toString());
        environment.put("ES_JAVA_OPTS", HEAP);
        environment.put("ES_TMPDIR", tmp);
        // The launcher's own scratch files would otherwise pile up in the shared /tmp.
        environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        environment.put("HOME", workDirectory.toString());
        return builder;
    }


    /** Asks the node itself: yellow means every primary shard is assigned, all a single node can offer. */
    private static final class HealthProbe {

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private final HttpRequest request;

        HealthProbe(int port) {
            URI health = URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=1s");
            request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
        }

        boolean isYellowOrGreen() {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
