package parkworld.pipeline.localstack;

import java.nio.file.Path;

/**
 * A started server child process with the work directory it owns: what Kafka and Elasticsearch have in common.
 * Closing stops the process tree (gracefully, then forcibly) and deletes the work directory; the log file stays.
 */
final class ServerProcess {

    private final ChildProcess process;
    private final Path workDirectory;
    private boolean closed;

    ServerProcess(ChildProcess process, Path workDirectory) {
        this.process = process;
        this.workDirectory = workDirectory;
    }

    Path logFile() {
        return this.process.logFile();
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    Path workDirectory() {
        return this.workDirectory;
    }

    long pid() {
        return this.process.pid();
    }

    synchronized void close() {
        if (!this.closed) {
            stop(this.process, this.workDirectory);
            this.closed = true;
        }
    }

    /** Cleans up after a start that failed half-way: {@code process} may be null. */
    static void stop(ChildProcess process, Path workDirectory) {
        if (process != null) {
            process.close();
        }
        Directories.deleteQuietly(workDirectory);
    }

    @Override
    public String toString() {
        return this.process.toString();
    }
}
