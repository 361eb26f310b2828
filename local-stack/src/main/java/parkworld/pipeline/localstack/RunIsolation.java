package parkworld.pipeline.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps a local run off shared infrastructure's production names. With {@code --kafka} or {@code --elasticsearch}
 * the local services would otherwise join the real consumer groups (stealing partitions from production consumers),
 * publish to the real topics and move the real alias; so such a run gets its own topics, groups and index, all
 * prefixed {@code local-<run id>}.
 */
final class RunIsolation {

    /** The indexer's own default, used when the run is not isolated. */
    static final String DEFAULT_ALIAS = "parkworld-articles";
    static final String ALIAS_PROPERTY = "parkworld.indexer.index.alias";

    private static final Map<String, String> TOPICS = Map.of(
            "issues-fetched", "parkworld.issues.fetched",
            "articles", "parkworld.articles",
            "issues-parsed", "parkworld.issues.parsed",
            "parser-dead-letter", "parkworld.parser.dlq",
            "indexer-dead-letter", "parkworld.indexer.dlq");

    private RunIsolation() {
    }

    /** Service properties for a run with these options: none when Kafka and Elasticsearch are both started here. */
    static Map<String, String> properties(Map<String, String> options, String runId) {
        if (!options.containsKey("kafka") && !options.containsKey("elasticsearch")) {
            return Map.of();
        }
        String prefix = "local-" + runId;
        Map<String, String> properties = new LinkedHashMap<>();
        TOPICS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(topic ->
                properties.put("parkworld.topics." + topic.getKey(), prefix + "." + topic.getValue()));
        properties.put("spring.cloud.stream.bindings.extractArticles-in-0.group", prefix + "-parser");
        properties.put("spring.cloud.stream.bindings.indexArticles-in-0.group", prefix + "-indexer");
        properties.put(ALIAS_PROPERTY, prefix + "-" + DEFAULT_ALIAS);
        properties.put("parkworld.indexer.index.name", prefix + "-" + DEFAULT_ALIAS + "-v1");
        return properties;
    }

    /** A short id telling this run's names apart from other laptops' runs. */
    static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The alias the indexer writes to, given the properties the services got. */
    static String alias(Map<String, String> properties) {
        return properties.getOrDefault(ALIAS_PROPERTY, DEFAULT_ALIAS);
    }
}
