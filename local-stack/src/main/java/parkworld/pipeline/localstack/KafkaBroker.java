package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running as a child JVM on loopback, from the jars
 * the local-stack build copied out of Maven Central. Data lives in a fresh temp directory removed by {@link #close()},
 * or in a data directory the caller keeps ({@link #start(Path, Path)}); the log file stays.
 */
public final class KafkaBroker extends LocalServer {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final String STARTED_LINE = "Kafka Server started";

    private final int port;

    private KafkaBroker(ChildProcess process, Path workDirectory, int port) {
        super(process, workDirectory);
        this.port = port;
    }

    /** Starts a broker logging to a new file under the local-stack logs directory; returns once it is ready. */
    public static KafkaBroker start() {
        return start(Binaries.load().newLogFile("kafka"));
    }

    /** Starts a broker logging to {@code logFile} (truncated first); returns once it is ready. */
    public static KafkaBroker start(Path logFile) {
        return start(logFile, null);
    }

    /**
     * Starts a broker whose topics, offsets and transactions live in {@code dataDirectory}, formatted on first use
     * and kept by {@link #close()}: the next broker started on it has them all (on new ports).
     *
     * @param dataDirectory null for a temporary one, removed by {@link #close()}
     */
    public static KafkaBroker start(Path logFile, Path dataDirectory) {
        Binaries binaries = Binaries.load();
        Path libs = binaries.requireKafkaLibs();
        WorkDirectory work = WorkDirectory.create("parkworld-kafka-");
        Path workDirectory = work.path();
        ChildProcess process = null;
        try {
            long began = System.nanoTime();
            int[] ports = FreePorts.onLoopback(2);
            int port = ports[0];
            Path config = workDirectory.resolve("server.properties");
            Path data = dataDirectory == null ? workDirectory.resolve("data")
                    : Files.createDirectories(dataDirectory.toAbsolutePath().normalize());
            Files.writeString(config, KraftProperties.render(KraftProperties.singleNode(port, ports[1], data)));
            boolean formatted = Files.isRegularFile(data.resolve("meta.properties"));
            LogFile.begin(logFile, "Kafka " + binaries.kafkaVersion() + " on 127.0.0.1:" + port + ", work directory "
                    + workDirectory + ", data " + data + (formatted ? " (kept from before)" : ""));

            if (!formatted) {
                formatStorage(libs, config, logFile);
            }
            long startOffset = LogFile.size(logFile);
            ProcessBuilder server = java(libs, List.of("-Xms256m", "-Xmx512m"), "kafka.Kafka", config.toString());
            process = ChildProcess.start("Kafka broker", server, logFile, ChildProcess.DEFAULT_GRACE);
            process.awaitReady(
                    () -> LogFile.contains(logFile, startOffset, STARTED_LINE) && FreePorts.isAccepting(port),
                    STARTUP_TIMEOUT);
            LogFile.note(logFile, "ready after " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
            KafkaBroker broker = new KafkaBroker(process, workDirectory, port);
            ShutdownReaper.register(broker);
            work.handOver();
            return broker;
        } catch (IOException e) {
            LocalServer.stop(process, workDirectory);
            work.close();
            throw new UncheckedIOException("Cannot prepare the Kafka broker in " + workDirectory, e);
        } catch (RuntimeException e) {
            LocalServer.stop(process, workDirectory);
            work.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + processDescription() + "]";
    }

    private static void formatStorage(Path libs, Path config, Path logFile) {
        ProcessBuilder format = java(libs, List.of("-Xmx256m"), "kafka.tools.StorageTool", "format", "--standalone",
                "--cluster-id", KraftProperties.randomClusterId(), "--config", config.toString());
        int exitCode = OneShotCommand.runLogged(format, logFile, FORMAT_TIMEOUT);
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + exitCode + "); log " + logFile
                    + " ends with:" + System.lineSeparator() + LogFile.tail(logFile, 40));
        }
    }

    /** {@code java <jvmArgs> -cp <libs>/* <mainClass> <arguments>}. */
    private static ProcessBuilder java(Path libs, List<String> jvmArgs, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(RunningJvm.javaExecutable());
        command.addAll(jvmArgs);
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        command.add("-cp");
        command.add(libs.resolve("*").toString());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

}
