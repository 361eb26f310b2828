package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Class Data Sharing for a Spring Boot service jar, as Spring Boot's reference guide describes it ("Class Data
 * Sharing"): the jar is extracted ({@code java -Djarmode=tools -jar x.jar extract}: an application jar and its
 * {@code lib/}, since CDS cannot map classes out of nested jars), one training run starts the application up to the
 * end of its context refresh ({@code -Dspring.context.exit=onRefresh}) and writes the classes it loaded to an archive
 * ({@code -XX:ArchiveClassesAtExit}), and every later start maps them ({@code -XX:SharedArchiveFile}) instead of
 * reading, parsing and verifying them again. Measured on the parser alone: 34.5 s to the end of the refresh from the
 * fat jar, 23.9 s extracted, 11.2 s extracted with the archive (local-stack/RUNNING.md).
 *
 * <p>The extracted jar and the archive live in {@code <module>/target/cds/} and are made again when the service jar
 * changes (its size and modification time are recorded next to them). A failed extraction or training is no error:
 * the service then starts from its jar as before.
 */
final class ClassDataSharing {

    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);

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
     * class path and flags, or the JVM would refuse the archive).
     *
     * @return true when the archive is ready to use; false, with the reason in {@code logFile}, when it is not
     */
    boolean prepare(List<String> jvmArgs, List<String> args, Path logFile) {
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
            // Up to the end of the context refresh, then exit: the lifecycle (Kafka consumers, Tomcat's connector,
            // the ingest schedule) never starts.
            training.add("-Dspring.context.exit=onRefresh");
            training.add("-jar");
            training.add(extractedJar().toString());
            training.addAll(args);
            LogFile.note(logFile, String.join(" ", training));
            int exitCode = OneShotCommand.runLogged(new ProcessBuilder(training), logFile, TRAINING_TIMEOUT);
            if (exitCode != 0 || !Files.isRegularFile(archive())) {
                LogFile.note(logFile, "training run failed (exit " + exitCode + "): starting from the jar itself");
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
            LogFile.note(logFile, "cannot prepare " + this.directory + ": " + ex.getMessage());
            return false;
        }
    }
}
