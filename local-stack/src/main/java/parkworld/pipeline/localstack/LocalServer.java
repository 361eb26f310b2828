package parkworld.pipeline.localstack;

import java.nio.file.Path;

/**
 * A server started as a child process, with the work directory it owns: what {@link KafkaBroker} and
 * {@link ElasticsearchNode} have in common. Closing stops the process tree (gracefully, then forcibly) and deletes
 * the work directory; the log file stays.
 */
public abstract class LocalServer implements AutoCloseable {

    private final ChildProcess process;
    private final Path workDirectory;
    private boolean closed;

    LocalServer(ChildProcess process, Path workDirectory) {
        this.process = process;
        this.workDirectory = workDirectory;
    }

    public Path logFile() {
        return this.process.logFile();
    }

    public boolean isAlive() {
        return this.process.isAlive();
    }

    Path workDirectory() {
        return this.workDirectory;
    }

    long pid() {
        return this.process.pid();
    }

    /** Stops the server and every process it started, and deletes its work directory. */
    @Override
    public void close() {
        synchronized (this) {
            if (!this.closed) {
                stop(this.process, this.workDirectory);
                this.closed = true;
            }
        }
        ShutdownReaper.deregister(this);
    }

    /** Cleans up after a start that failed half-way: {@code process} may be null. */
    static void stop(ChildProcess process, Path workDirectory) {
        if (process != null) {
            process.close();
        }
        Directories.deleteQuietly(workDirectory);
    }

    String processDescription() {
        return this.process.toString();
    }
}
