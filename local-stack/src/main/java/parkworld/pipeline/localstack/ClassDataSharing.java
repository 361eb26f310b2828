package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Class Data Sharing for a Spring Boot service jar, as Spring Boot's reference guide describes it ("Class Data
 * Sharing"): the jar is extracted ({@code java -Djarmode=tools -jar x.jar extract}: an application jar and its
 * {@code lib/}, since CDS cannot map classes out of nested jars), one training run starts the application and writes
 * the classes it loaded to an archive when it exits ({@code -XX:ArchiveClassesAtExit}), and every later start maps
 * them ({@code -XX:SharedArchiveFile}) instead of reading, parsing and verifying them again.
 *
 * <p>The training run is a whole start, up to readiness, then a graceful stop (SIGTERM; the JVM writes the archive on
 * its way out), not Spring Boot's {@code -Dspring.context.exit=onRefresh}: that exits before the lifecycle starts, so
 * the classes of the Kafka consumers and producers, the binder's provisioning and Tomcat's connector (about 3,300 of
 * the parser's 13,500, 1,300 of them kafka-clients') were read from the jars on every start. Measured on the parser
 * alone, alternated, load 21-24: 9.5-10.5 s to ready with the refresh-only archive, 7.5-8.1 s with the whole-start
 * one (local-stack/RUNNING.md). The caller gives the training names of its own (topics, groups, index), so it
 * consumes and changes nothing of the run's.
 *
 * <p>The extracted jar and the archive live in {@code <module>/target/cds/} and are made again when the service jar
 * changes (its size and modification time are recorded next to them). A failed extraction or training is no error:
 * the service then starts from its jar as before.
 */
final class ClassDataSharing {

    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);
    /**
     * How long a stopped training start may take to exit: it writes the archive (70-95 MB) on its way out. 60 s was
     * too short once at load 36-43 (ingest's archive was cut off by the SIGKILL).
     */
    private static final Duration DUMP_GRACE = Duration.ofMinutes(3);

    private final Path jar;
    private final Path directory;

    private ClassDataSharing(Path jar) {
        this.jar = jar;
        this.directory = jar.getParent().resolve("cds");
    }

    /** For {@code <module>/target/<service>.jar}. */
    static ClassDataSharing of(Path jar) {
        return new ClassDataSharing(jar);
    }

    /** The extracted application jar the service starts from once {@link #isReady()}. */
    Path extractedJar() {
        return this.directory.resolve(this.jar.getFileName());
    }

    Path archive() {
        return this.directory.resolve(this.jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
    }

    private Path stamp() {
        return this.directory.resolve("made-from.txt");
    }

    /** Whether the extracted jar and its archive were made from the service jar as it is now. */
    boolean isReady() {
        try {
            return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar())
                    && Files.readString(stamp()).equals(jarIdentity());
        }
        catch (IOException ex) {
            return false;
        }
    }

    private String jarIdentity() throws IOException {
        return this.jar + " " + Files.size(this.jar) + " " + Files.getLastModifiedTime(this.jar).toMillis();
    }

    /**
     * Extracts the jar and runs the training start with the JVM options and arguments the service will get (the same
     * class path and flags, or the JVM would refuse the archive), until it reports ready on {@code port}; then stops
     * it, and the JVM writes the archive as it exits.
     *
     * @param args        the service's arguments, {@code --server.port=<port>} among them
     * @param environment added to this JVM's environment for the training start
     * @return true when the archive is ready to use; false, with the reason in {@code logFile}, when it is not
     */
    boolean prepare(List<String> jvmArgs, List<String> args, Map<String, String> environment, int port, Path logFile) {
        try {
            Directories.deleteQuietly(this.directory);
            Files.createDirectories(this.directory);
            LogFile.begin(logFile, "Class Data Sharing for " + this.jar + " (made again whenever the jar changes)");
            List<String> extract = List.of(RunningJvm.javaExecutable(), "-Djarmode=tools", "-jar", this.jar.toString(),
                    "extract", "--destination", this.directory.toString(), "--force");
            if (OneShotCommand.runLogged(new ProcessBuilder(extract), logFile, EXTRACT_TIMEOUT) != 0) {
                LogFile.note(logFile, "extraction failed: starting from the jar itself");
                return false;
            }
            List<String> training = new ArrayList<>();
            training.add(RunningJvm.javaExecutable());
            training.addAll(jvmArgs);
            training.add("-XX:ArchiveClassesAtExit=" + archive());
            training.add("-jar");
            training.add(extractedJar().toString());
            training.addAll(args);
            LogFile.note(logFile, String.join(" ", training));
            ProcessBuilder builder = new ProcessBuilder(training);
            builder.environment().putAll(environment);
            ChildProcess process = ChildProcess.start(this.jar.getFileName() + " (CDS training)", builder, logFile,
                    DUMP_GRACE);
            try {
                ServiceMetrics service = new ServiceMetrics(port);
                process.awaitReady(service::isReady, TRAINING_TIMEOUT);
                // What the run command does with a ready service: the classes of a scrape are archived too.
                service.scrape();
            }
            finally {
                process.close();
            }
            if (!Files.isRegularFile(archive())) {
                LogFile.note(logFile, "the training run wrote no archive: starting from the jar itself");
                return false;
            }
            Files.writeString(stamp(), jarIdentity());
            return true;
        }
        catch (IOException ex) {
            LogFile.note(logFile, "cannot prepare " + this.directory + ": " + ex);
            return false;
        }
        catch (UncheckedIOException | IllegalStateException ex) {
            // A training that failed half-way may have left a partial archive: never one the services would map.
            Directories.deleteQuietly(archive());
            LogFile.note(logFile, "cannot prepare " + this.directory + ": " + ex.getMessage());
            return false;
        }
    }
}
