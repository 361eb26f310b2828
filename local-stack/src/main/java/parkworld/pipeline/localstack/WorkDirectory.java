package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh temp directory that is deleted at JVM exit until its owner takes over: registered with the
 * {@link ShutdownReaper} before any process runs in it, so Ctrl-C during a slow startup does not leave it behind.
 */
final class WorkDirectory implements AutoCloseable {

    private final Path path;

    private WorkDirectory(Path path) {
        this.path = path;
    }

    static WorkDirectory create(String prefix) {
        try {
            WorkDirectory directory = new WorkDirectory(Files.createTempDirectory(prefix));
            ShutdownReaper.register(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp directory " + prefix + "*", e);
        }
    }

    Path path() {
        return path;
    }

    /** The started component now deletes the directory itself when closed (and is registered in its place). */
    void handOver() {
        ShutdownReaper.deregister(this);
    }

    /** Deletes the directory now. */
    @Override
    public void close() {
        Directories.deleteQuietly(path);
        ShutdownReaper.deregister(this);
    }

    @Override
    public String toString() {
        return "work directory " + path;
    }
}
