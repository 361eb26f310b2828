package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server (Adobe S3Mock's executable jar, copied by the local-stack build from Maven Central)
 * running as a child JVM, with one bucket created at start. It accepts any credentials. Its plain-HTTP connector
 * binds every interface whatever {@code --server.address} says (only its HTTPS one honours it), so both ports are
 * chosen free for each server rather than left at 9090/9191. Objects live in a fresh temp directory removed by
 * {@link #close()}; the log file stays.
 */
public final class S3MockServer extends LocalServer {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final String STARTED_LINE = "Started S3MockApplication";

    private final int httpPort;
    private final String bucket;

    private S3MockServer(ChildProcess process, Path workDirectory, int httpPort, String bucket) {
        super(process, workDirectory);
        this.httpPort = httpPort;
        this.bucket = bucket;
    }

    /** Starts a server with the bucket {@code bucket}, logging to a new file; returns once it answers. */
    public static S3MockServer start(String bucket) {
        Binaries binaries = Binaries.load();
        Path jar = binaries.requireS3MockJar();
        Path logFile = binaries.newLogFile("s3mock");
        WorkDirectory work = WorkDirectory.create("parkworld-s3mock-");
        Path workDirectory = work.path();
        ChildProcess process = null;
        try {
            long began = System.nanoTime();
            int[] ports = FreePorts.onLoopback(2);
            Path root = Files.createDirectories(workDirectory.resolve("store"));
            LogFile.begin(logFile, "S3Mock on http://127.0.0.1:" + ports[0] + ", bucket " + bucket + ", store " + root);
            long startOffset = LogFile.size(logFile);
            ProcessBuilder server = new ProcessBuilder(List.of(RunningJvm.javaExecutable(), "-Xms64m", "-Xmx384m",
                    // Its Tomcat work directory inside the server's own, so nothing is left in /tmp.
                    "-Djava.io.tmpdir=" + Files.createDirectories(workDirectory.resolve("tmp")),
                    "-jar", jar.toString(),
                    "--server.address=127.0.0.1", "--server.port=" + ports[1],
                    "--com.adobe.testing.s3mock.httpPort=" + ports[0],
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket,
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                    "--spring.main.banner-mode=off"));
            server.directory(workDirectory.toFile());
            process = ChildProcess.start("S3Mock", server, logFile, ChildProcess.DEFAULT_GRACE);
            process.awaitReady(
                    () -> LogFile.contains(logFile, startOffset, STARTED_LINE) && FreePorts.isAccepting(ports[0]),
                    STARTUP_TIMEOUT);
            LogFile.note(logFile, "ready after " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
            S3MockServer s3 = new S3MockServer(process, workDirectory, ports[0], bucket);
            ShutdownReaper.register(s3);
            work.handOver();
            return s3;
        } catch (IOException e) {
            LocalServer.stop(process, workDirectory);
            work.close();
            throw new UncheckedIOException("Cannot prepare S3Mock in " + workDirectory, e);
        } catch (RuntimeException e) {
            LocalServer.stop(process, workDirectory);
            work.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint to override an S3 client's with (path-style addressing). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + this.httpPort);
    }

    /** The bucket created at start. */
    public String bucket() {
        return this.bucket;
    }

    @Override
    public String toString() {
        return "S3MockServer[" + endpoint() + ", bucket " + this.bucket + ", " + processDescription() + "]";
    }
}
