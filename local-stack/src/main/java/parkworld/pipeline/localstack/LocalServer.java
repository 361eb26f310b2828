package parkworld.pipeline.localstack;

import java.nio.file.Path;

/**
 * A server started as a child process, with the work directory it owns: what {@link KafkaBroker} and
 * {@link ElasticsearchNode} have in common. Closing stops the process tree (gracefully, then forcibly) and deletes
 * the work directory; the log file stays.
 */
public abstract class LocalServer implements AutoCloseable {

    /** Guarded by {@code this}: replaced when a subclass starts its stopped server again. */
    private ChildProcess process;
    private final Path workDirectory;
    private boolean closed;

    LocalServer(ChildProcess process, Path workDirectory) {
        this.process = process;
        this.workDirectory = workDirectory;
    }

    public synchronized Path logFile() {
        return this.process.logFile();
    }

    public synchronized boolean isAlive() {
        return this.process.isAlive();
    }

    Path workDirectory() {
        return this.workDirectory;
    }

    synchronized long pid() {
        return this.process.pid();
    }

    /** Stops the process tree (gracefully, then forcibly) but keeps the work directory, for {@link #replaceProcess}. */
    synchronized void stopProcess() {
        requireOpen();
        this.process.close();
    }

    /** Takes over {@code started}, the server started again after {@link #stopProcess()}. */
    synchronized void replaceProcess(ChildProcess started) {
        requireOpen();
        if (this.process.isAlive()) {
            started.close();
            throw new IllegalStateException("Cannot take over a second process while " + this.process + " runs");
        }
        this.process = started;
    }

    private void requireOpen() {
        if (this.closed) {
            throw new IllegalStateException(this + " is closed");
        }
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

    synchronized String processDescription() {
        return this.process.toString();
    }
}
