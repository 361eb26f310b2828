package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class RunOptionsTests {

    @Test
    void helpIsAnOptionNotAnError() {
        assertThat(RunOptions.parse("--help").help).isTrue();
        assertThat(RunOptions.parse("-h").help).isTrue();
    }

    @Test
    void valuesAreTypedAndKeptAsGiven() {
        RunOptions options = RunOptions.parse("--kafka=broker:9092", "--elasticsearch=http://es:9200/", "--exit-when-done",
                "--source=fixtures/");

        assertThat(options.kafka).isEqualTo("broker:9092");
        assertThat(options.elasticsearchUrl()).isEqualTo("http://es:9200");
        assertThat(options.exitWhenDone).isTrue();
        assertThat(options.source).isEqualTo("fixtures/");
        assertThat(options.sourceIsWeb()).isFalse();
    }

    @Test
    void withoutOptionsItIngestsTheWebsiteOnItsOwnInfrastructure() {
        RunOptions options = RunOptions.parse();

        assertThat(options.source).isEqualTo("https://www.parkworld.net/");
        assertThat(options.sourceIsWeb()).isTrue();
        assertThat(options.sharesInfrastructure()).isFalse();
        assertThat(options.exitWhenDone).isFalse();
        assertThat(options.elasticsearchTimeout()).hasSeconds(300);
        assertThat(options.servicesTimeout()).hasSeconds(180);
    }

    @Test
    void startupTimeoutsAreGivenInSeconds() {
        RunOptions options = RunOptions.parse("--elasticsearch-timeout=600", "--services-timeout=420");

        assertThat(options.elasticsearchTimeout()).hasSeconds(600);
        assertThat(options.servicesTimeout()).hasSeconds(420);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--sauce=x              | Unknown option: '--sauce=x'",
        "--kafka                | Missing required parameter for option '--kafka'",
        "folder                 | Unmatched argument at index 0: 'folder'",
        "--kafka=broker         | --kafka: expected HOST:PORT",
        "--elasticsearch=es:9200 | --elasticsearch: expected an http:// or https:// URL",
        "--exit-when-done=maybe | --exit-when-done",
        "--scale=ingest=2       | --scale: ingest runs as one instance",
        "--scale=kibana=2       | --scale: expected parser=N or indexer=N but was 'kibana'",
        "--scale=parser=0       | --scale: parser needs a number of instances of at least 1",
        "--scale=parser         | --scale",
        "--scale=kibana=0       | --scale: kibana needs a number of instances of at least 1",
        "--services-timeout=0   | --services-timeout need a number of seconds of at least 1",
        "--elasticsearch-timeout=soon | Invalid value for option '--elasticsearch-timeout'"})
    void badOptionsAreUsageErrorsNamingTheOption(String argument, String message) {
        assertThatThrownBy(() -> RunOptions.parse(argument)).isInstanceOf(CommandLine.ParameterException.class)
            .hasMessageContaining(message);
    }

    @Test
    void scaleGivesTheInstancesOfEachNamedServiceAndOneIngest() {
        assertThat(RunOptions.parse("--scale", "parser=2,indexer=3").instances())
            .containsExactly(Map.entry("parser-service", 2), Map.entry("indexer-service", 3));
        assertThat(RunOptions.parse("--scale=parser=2", "--scale=ingest=1").instances())
            .containsExactly(Map.entry("parser-service", 2));
        assertThat(RunOptions.parse().instances()).isEmpty();
    }

    @Test
    void helpListsEveryOptionAndExitStatus() {
        assertThat(RunOptions.usage()).contains("--source=URL|FOLDER|FILE", "--kafka=HOST:PORT", "--elasticsearch=URL",
                "--exit-when-done", "-h, --help", "(default: https://www.parkworld.net/)",
                "  0   everything fetched", "  1   issues failed", "  2   usage error", "  3   records were dead-lettered");
    }

    @Test
    void runLocalScriptPrintsTheGeneratedHelp() throws IOException {
        // deploy/run-local prints its copy before building, so it must not drift from the options.
        String script = Files.readString(Path.of("..", "deploy", "run-local"));
        String copy = script.substring(script.indexOf("<<'USAGE'\n") + "<<'USAGE'\n".length(), script.indexOf("\nUSAGE\n") + 1);

        assertThat(copy).isEqualTo(RunOptions.usage());
    }

    /** What the build would be: the sandbox's mvnw says it ran, and fails so that nothing after it runs. */
    private static final String BUILD_STARTED = "fake build started";
    private static final int BUILD_EXIT = 97;

    @ParameterizedTest
    @ValueSource(strings = {"--scale=parser=abc", "--scale parser=abc", "--scale=parser", "--scale=",
        "--scale=parser=2,,indexer=2", "--scale=parser=0", "--scale=indexer=2,parser=-1", "--scale=kibana=0",
        "--scale", "--services-timeout=-3", "--services-timeout=0", "--services-timeout=+0", "--services-timeout=",
        "--services-timeout=1.5", "--elasticsearch-timeout=soon", "--elasticsearch-timeout=-0", "--services-timeout soon",
        "--elasticsearch-timeout 0", "--fresh --services-timeout -3", "--services-timeout", "--kafka", "--source",
        "--elasticsearch-timeout"})
    void runLocalRefusesMalformedValuesBeforeBuildingWithTheRunCommandsMessage(String arguments, @TempDir Path sandbox)
            throws Exception {
        String[] args = arguments.split(" ");
        String expected;
        try {
            RunOptions.parse(args);
            throw new AssertionError("RunOptions accepts " + arguments);
        }
        catch (CommandLine.ParameterException ex) {
            expected = "[local-pipeline] " + ex.getMessage();
        }

        ScriptRun run = runLocalIn(sandbox, args);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(LocalPipeline.EXIT_USAGE);
        assertThat(run.stderr()).doesNotContain(BUILD_STARTED);
        assertThat(run.stderr().lines().findFirst()).hasValue(expected);
        assertThat(run.stderr()).contains("Usage: deploy/run-local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--scale=parser=2,indexer=2", "--scale parser=2,indexer=3", "--scale=parser=2,",
        "--scale=ingest=1 --scale=indexer=+2", "--services-timeout=007 --elasticsearch-timeout=600",
        "--services-timeout 5 --elasticsearch-timeout 600", "--kafka 127.0.0.1:9092 --elasticsearch http://127.0.0.1:9200",
        "--fresh --scale parser=2 --source https://example.org/"})
    void runLocalLetsWellFormedValuesThroughToTheBuild(String arguments, @TempDir Path sandbox) throws Exception {
        String[] args = arguments.split(" ");
        RunOptions.parse(args);

        ScriptRun run = runLocalIn(sandbox, args);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(BUILD_EXIT);
        assertThat(run.stderr()).contains(BUILD_STARTED);
    }

    @Test
    void runLocalBuildsWithSkipTestsSoTheChecksInstallNothing(@TempDir Path sandbox) throws Exception {
        // The root pom installs the checks' Debian packages (apt-get as root, else the build fails naming them) unless
        // skipTests is set; -Dmaven.test.skip=true alone does not set it.
        ScriptRun run = runLocalIn(sandbox, "--exit-when-done");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(BUILD_EXIT);
        String build = run.stderr().lines().filter(l -> l.startsWith(BUILD_STARTED)).findFirst().orElseThrow();
        assertThat(build.split(" ")).contains("-DskipTests", "-Dmaven.test.skip=true", "package");
    }

    private record ScriptRun(int exitCode, String stderr) {
    }

    /**
     * Runs a copy of deploy/run-local in a checkout of its own whose mvnw only says that the build started: what the
     * pre-check lets through reaches that build, which fails, so nothing is built and nothing starts.
     */
    private static ScriptRun runLocalIn(Path sandbox, String... args) throws Exception {
        Path deploy = Files.createDirectories(sandbox.resolve("deploy"));
        Files.copy(Path.of("..", "deploy", "run-local"), deploy.resolve("run-local"));
        Files.copy(Path.of("..", "deploy", "build-stamp.sh"), deploy.resolve("build-stamp.sh"));
        Path mvnw = Files.writeString(sandbox.resolve("mvnw"),
                "#!/bin/sh\necho '" + BUILD_STARTED + "' \"$@\" >&2\nexit " + BUILD_EXIT + "\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", deploy.resolve("run-local").toString()));
        command.addAll(List.of(args));
        Path stderr = sandbox.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(sandbox.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("deploy/run-local " + String.join(" ", args) + " did not end within 60 s");
        }
        return new ScriptRun(process.exitValue(), Files.readString(stderr));
    }
}
