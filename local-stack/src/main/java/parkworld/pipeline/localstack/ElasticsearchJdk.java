package parkworld.pipeline.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the JDK for Elasticsearch (the Maven Central zip bundles none). Elasticsearch 8.19 runs on Java 17, so the
 * running JVM is tried first; installed JDKs, newest first, are the fallback, e.g. when the running one is not
 * readable by the unprivileged user. Each candidate is vetted by Elasticsearch's own version checker, run as that user.
 */
final class ElasticsearchJdk {

    static final List<Path> INSTALL_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
            Path.of("/Library/Java/JavaVirtualMachines"));
    private static final String VERSION_CHECKER = "org.elasticsearch.tools.java_version_checker.JavaVersionChecker";
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    private ElasticsearchJdk() {
    }

    /** {@code configured} (a java home) wins when set; otherwise the first acceptable candidate. */
    static Path choose(String configured, Path elasticsearchHome, ProcessOwner owner) {
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : candidates(RunningJvm.javaHome(), installedJdks(INSTALL_ROOTS));
        Map<Path, String> rejected = new LinkedHashMap<>();
        for (Path candidate : candidates) {
            String problem = problemRunning(candidate, elasticsearchHome, owner);
            if (problem == null) {
                return candidate;
            }
            rejected.put(candidate, problem);
        }
        throw new IllegalStateException("No JDK that Elasticsearch accepts and " + owner.describe() + " can run; tried "
                + rejected + ". Elasticsearch 8.19 needs Java 17 or newer, readable by that user; point -D"
                + Binaries.systemPropertyName("elasticsearch.java-home") + " or "
                + Binaries.environmentVariableName("elasticsearch.java-home") + " at one");
    }

    /** The running JVM first, then installed JDKs from newest to oldest; each home once. */
    static List<Path> candidates(Path runningJavaHome, List<Path> installed) {
        List<Path> ordered = new ArrayList<>();
        ordered.add(runningJavaHome);
        installed.stream()
                .sorted(Comparator.comparingInt(ElasticsearchJdk::featureVersion).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(ordered::add);
        Map<Path, Path> byRealPath = new LinkedHashMap<>();
        for (Path home : ordered) {
            byRealPath.putIfAbsent(realPath(home), home);
        }
        return List.copyOf(byRealPath.values());
    }

    /** The feature version from a JDK's {@code release} file, 0 when unknown. */
    static int featureVersion(Path javaHome) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static List<Path> installedJdks(List<Path> roots) {
        List<Path> homes = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path entry : entries) {
                    Path macHome = entry.resolve("Contents/Home");
                    Path home = Files.isDirectory(macHome) ? macHome : entry;
                    if (Files.isExecutable(home.resolve("bin/java"))) {
                        homes.add(home);
                    }
                }
            } catch (IOException e) {
                // An unreadable install root simply contributes no candidates.
            }
        }
        return homes;
    }

    private static String problemRunning(Path javaHome, Path elasticsearchHome, ProcessOwner owner) {
        Path java = javaHome.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            return "no bin/java";
        }
        List<String> command = owner.wrap(List.of(java.toString(), "-cp",
                elasticsearchHome.resolve("lib/java-version-checker/*").toString(), VERSION_CHECKER));
        OneShotCommand.Result result = OneShotCommand.run(command, Duration.ofSeconds(60));
        return result.succeeded() ? null : "exit " + result.exitCode() + ": " + result.output();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
