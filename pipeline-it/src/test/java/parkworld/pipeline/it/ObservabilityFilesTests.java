package parkworld.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard as files: promtool accepts the rules and their unit tests pass, and every
 * pipeline metric they read is a {@link parkworld.pipeline.contract.PipelineMeters} name. That the services really
 * expose every metric read is checked on the running pipeline, in {@link PipelineEndToEndIT}.
 */
class ObservabilityFilesTests {

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        assertPromtool(List.of("check", "rules", ObservabilityFiles.RULES.toString()));
    }

    @Test
    void alertRulesFireOnTheirSyntheticSeriesAndOnlyThere() throws Exception {
        assertPromtool(List.of("test", "rules", "parkworld-rules.test.yml"));
    }

    @Test
    void promtoolAcceptsTheScrapeConfiguration() throws Exception {
        assertPromtool(List.of("check", "config", "prometheus.yml"));
    }

    @Test
    void everyPipelineMetricReadIsAPipelineMetersName() {
        Set<String> read = ObservabilityFiles.metricsRead();

        assertThat(read).as("metrics read by rules and dashboard").contains("parkworld_dead_letters_total",
                "kafka_consumer_fetch_manager_records_lag");
        assertThat(read.stream().filter(name -> name.startsWith("parkworld_")))
            .as("parkworld metrics must be defined in PipelineMeters")
            .isSubsetOf(ObservabilityFiles.pipelineMeterSampleNames());
    }

    @Test
    void everyRecordedNameTheDashboardOrRulesUseIsRecorded() {
        Set<String> recorded = ObservabilityFiles.recordedNames();
        ObservabilityFiles.ruleExpressions().forEach(expression -> PromQl.metricNames(expression).stream()
            .filter(name -> name.contains(":"))
            .forEach(name -> assertThat(recorded).as("recording rule for " + name).contains(name)));
        ObservabilityFiles.dashboardExpressions().forEach(expression -> assertThat(PromQl.metricNames(expression))
            .as("the dashboard reads the services' metrics, not recording rules: " + expression)
            .noneMatch(name -> name.contains(":")));
    }

    private static void assertPromtool(List<String> arguments) throws IOException, InterruptedException {
        String promtool = System.getenv().getOrDefault("PROMTOOL", "promtool");
        List<String> command = new java.util.ArrayList<>(List.of(promtool));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(ObservabilityFiles.PROMETHEUS.toFile())
                .redirectErrorStream(true)
                .start();
        }
        catch (IOException ex) {
            throw new AssertionError("promtool is not installed (Debian package prometheus: apt-get install -y "
                    + "prometheus; or set PROMTOOL to its path): " + ex.getMessage(), ex);
        }
        boolean done = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("promtool finished within 2 minutes").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " in " + ObservabilityFiles.PROMETHEUS
                + ":\n" + output).isZero();
    }
}
