package parkworld.pipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java [jvmArgs] -jar <jar> [args]} as a child process, e.g. one of the pipeline's Spring Boot services, with
 * its output in a log file. {@link #close()} stops it and anything it started: SIGTERM (Spring Boot shuts down
 * gracefully on it), then SIGKILL after 15 s.
 */
public final class ServiceProcess implements AutoCloseable {

    private final ChildProcess process;

    private ServiceProcess(ChildProcess process) {
        this.process = process;
    }

    /**
     * Starts the jar with the same {@code java} as this JVM and returns at once; readiness is the caller's business.
     *
     * @param environment added to (and overriding) this JVM's environment
     * @param logFile     receives stdout and stderr; truncated first
     */
    public static ServiceProcess start(Path jar, List<String> jvmArgs, List<String> args,
                                       Map<String, String> environment, Path logFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No such jar: " + jar + " (build it first)");
        }
        List<String> command = new ArrayList<>();
        command.add(RunningJvm.javaExecutable());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        LogFile.begin(logFile, String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        String name = jar.getFileName().toString();
        return new ServiceProcess(ChildProcess.start(name, builder, logFile, ChildProcess.DEFAULT_GRACE));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + process + "]";
    }
}
