package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
}
