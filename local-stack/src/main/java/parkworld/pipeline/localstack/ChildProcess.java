package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A started process whose output goes to a log file, stopped together with all its descendants: gracefully
 * (SIGTERM) first, forcibly after a grace period.
 */
final class ChildProcess implements AutoCloseable {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration grace;
    private boolean closed;

    private ChildProcess(String name, Process process, Path logFile, Duration grace) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.grace = grace;
    }

    static ChildProcess start(String name, ProcessBuilder builder, Path logFile, Duration grace) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + builder.command(), e);
        }
        closeStdin(process);
        ChildProcess child = new ChildProcess(name, process, logFile, grace);
        ShutdownReaper.register(child);
        return child;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    String logTail() {
        return LogFile.tail(logFile, TAIL_LINES);
    }

    /** Polls {@code ready} until it holds; fails early, with the log tail, when the process dies or time runs out. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " was not ready within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("Interrupted while waiting for " + name);
            }
        }
    }

    IllegalStateException failure(String message) {
        return new IllegalStateException(
                message + "; log " + logFile + " ends with:" + System.lineSeparator() + logTail());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        // Snapshot first: once the root exits, its children are re-parented and no longer its descendants.
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, grace)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(tree, Duration.ofSeconds(10))) {
                System.err.println("[local-stack] " + name + " did not exit even after SIGKILL: " + tree);
            }
        }
        closed = true;
        ShutdownReaper.deregister(this);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + logFile + ")";
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Nothing reads it; an already closed pipe is fine.
        }
    }
}
