package parkworld.pipeline.it;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;
import parkworld.pipeline.contract.PipelineMeters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL of the alert rules ({@code deploy/prometheus/parkworld-rules.yml}) and of the Grafana dashboard
 * ({@code deploy/grafana/parkworld-pipeline.json}), and the metric names they read.
 */
final class ObservabilityFiles {

    static final Path PROJECT_ROOT = Path.of(System.getProperty("parkworld.project.root", "..")).toAbsolutePath().normalize();
    static final Path PROMETHEUS = PROJECT_ROOT.resolve("deploy/prometheus");
    static final Path RULES = PROMETHEUS.resolve("parkworld-rules.yml");
    static final Path DASHBOARD = PROJECT_ROOT.resolve("deploy/grafana/parkworld-pipeline.json");

    /** Suffixes Micrometer's Prometheus registry appends: counters, timers, gauges. */
    private static final List<String> PROMETHEUS_SUFFIXES = List.of("_total", "_seconds_count", "_seconds_sum",
            "_seconds_max", "_seconds_bucket", "");

    private ObservabilityFiles() {
    }

    /** Every {@code expr} of every rule. */
    @SuppressWarnings("unchecked")
    static List<String> ruleExpressions() {
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            expressions.add(String.valueOf(rule.get("expr")));
        }
        return expressions;
    }

    /** Names the rules record ({@code record:}): metrics of Prometheus itself, not of a service. */
    static Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            if (rule.get("record") != null) {
                names.add(String.valueOf(rule.get("record")));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        try (Reader in = Files.newBufferedReader(RULES)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every target {@code expr} of every panel. */
    static List<String> dashboardExpressions() {
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        return expressions;
    }

    /** The metric names the rules and the dashboard read, recorded names excluded. */
    static Set<String> metricsRead() {
        Set<String> names = new TreeSet<>();
        ruleExpressions().forEach(e -> names.addAll(PromQl.metricNames(e)));
        dashboardExpressions().forEach(e -> names.addAll(PromQl.metricNames(e)));
        names.removeAll(recordedNames());
        return names;
    }

    /** The Prometheus sample names of every meter in {@link PipelineMeters}, with each suffix Micrometer may add. */
    static Set<String> pipelineMeterSampleNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : PipelineMeters.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().startsWith("TAG_")) {
                try {
                    String meter = (String) field.get(null);
                    PROMETHEUS_SUFFIXES.forEach(suffix -> names.add(PipelineMeters.prometheus(meter, suffix)));
                }
                catch (IllegalAccessException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return names;
    }
}
