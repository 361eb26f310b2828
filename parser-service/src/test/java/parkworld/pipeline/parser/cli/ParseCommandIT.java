package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.EventType;

/**
 * The packaged jar run as people run it, {@code java -jar parser-service.jar parse FILE.pdf}: it must print the
 * events and exit by itself, without starting the Kafka binder or the web server. Runs after {@code package}.
 */
class ParseCommandIT {

    private static final Path JAR = Path.of("target", "parser-service.jar");

    @Test
    void parsesTheFixtureAndExitsWithoutStartingTheService(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the packaged service (run with mvn verify)").isRegularFile();
        Path pdf = dir.resolve("issue-121.pdf");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.copy(in, pdf);
        }
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toAbsolutePath().toString(), "parse",
                pdf.toString())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();

        long started = System.nanoTime();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!exited) {
            process.destroyForcibly();
        }

        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(exited).as("exited by itself within 60s (stderr: %s)", err).isTrue();
        assertThat(process.exitValue()).as("exit status (stderr: %s)", err).isZero();
        // a couple of seconds here; generous for a busy shared CI machine
        assertThat(took).as("time to parse the fixture in a fresh JVM").isLessThan(Duration.ofSeconds(30));
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(43)
            .allSatisfy(line -> assertThat(
                    EventType.ARTICLE_EXTRACTED.violations(line.getBytes(StandardCharsets.UTF_8))).isEmpty());
        assertThat(err.lines()).singleElement()
            .satisfies(summary -> assertThat(
                    EventType.ISSUE_PARSED.violations(summary.getBytes(StandardCharsets.UTF_8))).isEmpty());
        assertThat(out + err).as("no trace of the service starting")
            .doesNotContainIgnoringCase("tomcat")
            .doesNotContainIgnoringCase("kafka")
            .doesNotContain(":: Spring Boot ::");
    }
}
