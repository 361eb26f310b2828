package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, e.g. {@code useradd}, {@code chown} or Kafka's storage format step. */
final class OneShotCommand {

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private OneShotCommand() {
    }

    static Result run(List<String> command, Duration timeout) {
        return run(new ProcessBuilder(command), timeout);
    }

    /** Runs with the output captured (through a file, so a chatty command can never block on a full pipe). */
    static Result run(ProcessBuilder builder, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("parkworld-command-", ".out");
            int exitCode = runLogged(builder, output, timeout);
            return new Result(exitCode, Files.readString(output, StandardCharsets.UTF_8).strip());
        } catch (IOException | UncheckedIOException e) {
            return new Result(-1, "cannot run " + builder.command() + ": " + e.getMessage());
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Runs with the output appended to {@code logFile}; returns the exit code, -1 on timeout. */
    static int runLogged(ProcessBuilder builder, Path logFile, Duration timeout) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + builder.command(), e);
        }
    }
}
