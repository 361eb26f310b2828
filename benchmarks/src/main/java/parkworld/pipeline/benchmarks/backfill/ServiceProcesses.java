package parkworld.pipeline.benchmarks.backfill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes this JVM started (services, Kafka, Elasticsearch), found among its own descendants by their command
 * lines, and their resident set size from {@code /proc/PID/status} (Linux).
 */
final class ServiceProcesses {

    static final List<String> SERVICES = List.of("ingest-service", "parser-service", "indexer-service");

    private ServiceProcesses() {
    }

    /** Process name ({@code parser-service}, {@code parser-service-2} for a second instance, as PipelineServices names it, {@code kafka}) to handle. */
    static Map<String, ProcessHandle> started() {
        List<ProcessHandle> descendants = new ArrayList<>(ProcessHandle.current().descendants().toList());
        descendants.sort(Comparator.comparingLong(ProcessHandle::pid));
        Map<String, ProcessHandle> named = new LinkedHashMap<>();
        for (ProcessHandle process : descendants) {
            Optional<String> name = name(process.info().commandLine().orElse(""));
            if (name.isEmpty()) {
                continue;
            }
            String key = name.get();
            for (int instance = 2; named.containsKey(key); instance++) {
                key = name.get() + "-" + instance;
            }
            named.put(key, process);
        }
        return named;
    }

    /** What a command line runs, if it is one of the pipeline's processes. */
    static Optional<String> name(String commandLine) {
        for (String service : SERVICES) {
            if (commandLine.contains("/" + service + ".jar")) {
                return Optional.of(service);
            }
        }
        if (commandLine.contains(" kafka.Kafka ")) {
            return Optional.of("kafka");
        }
        if (commandLine.contains("org.elasticsearch.bootstrap.Elasticsearch")) {
            return Optional.of("elasticsearch");
        }
        return Optional.empty();
    }

    /** VmRSS in bytes, or -1 when the process is gone or the file cannot be read. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return vmRssBytes(line);
                }
            }
        }
        catch (IOException ex) {
            return -1;
        }
        return -1;
    }

    /** {@code VmRSS:	  123456 kB} to bytes. */
    static long vmRssBytes(String line) {
        String[] fields = line.substring("VmRSS:".length()).strip().split("\\s+");
        return Long.parseLong(fields[0]) * 1024;
    }

    /**
     * The JVM options a service process was started with (everything before {@code -jar}), minus its tmpdir and its
     * class data sharing archive (made for the service's jar, it does not match another class path; it only speeds
     * up the start, which the baseline's time leaves out anyway).
     */
    static List<String> jvmOptions(ProcessHandle process) {
        String[] arguments = process.info().arguments().orElseThrow(
                () -> new IllegalStateException("cannot read the command line of pid " + process.pid()));
        List<String> options = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar")) {
                break;
            }
            if (!argument.startsWith("-Djava.io.tmpdir=") && !argument.startsWith("-XX:SharedArchiveFile=")
                    && !argument.startsWith("-Xshare:")) {
                options.add(argument);
            }
        }
        return options;
    }
}
