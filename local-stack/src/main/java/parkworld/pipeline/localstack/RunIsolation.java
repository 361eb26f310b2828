package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import parkworld.pipeline.contract.Topics;

/**
 * Keeps a local run off shared infrastructure's production names. With {@code --kafka} or {@code --elasticsearch}
 * the local services would otherwise join the real consumer groups (stealing partitions from production consumers),
 * publish to the real topics and move the real alias; so such a run gets its own topics, groups and index, all
 * prefixed {@code local-<run id>}. The topics are every one the contract defines ({@link Topics#RESOURCE}), so a topic
 * added there is isolated too.
 */
final class RunIsolation {

    /** The indexer's own default, used when the run is not isolated. */
    static final String DEFAULT_ALIAS = "parkworld-articles";
    static final String ALIAS_PROPERTY = "parkworld.indexer.index.alias";
    static final String TOPIC_PROPERTY_PREFIX = "parkworld.topics.";
    static final String PARSER_DEAD_LETTER_PROPERTY = TOPIC_PROPERTY_PREFIX + "parser-dead-letter";
    static final String INDEXER_DEAD_LETTER_PROPERTY = TOPIC_PROPERTY_PREFIX + "indexer-dead-letter";
    /** The base of the parser instances' ids ({@code <base>-1}, {@code <base>-2}: PipelineServices appends the number). */
    static final String PARSER_INSTANCE_PROPERTY = "parkworld.parser.instance-id";

    private RunIsolation() {
    }

    /** Service properties for a run with these options: none when Kafka and Elasticsearch are both started here. */
    static Map<String, String> properties(RunOptions options, String runId) {
        if (!options.sharesInfrastructure()) {
            return Map.of();
        }
        return isolated("local-" + runId);
    }

    /**
     * Every name a run's services share with other runs (topics, consumer groups, transactional ids, index and
     * alias), each prefixed: services given these touch nothing of anybody else's.
     */
    static Map<String, String> isolated(String prefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        contractTopics().forEach((property, topic) -> properties.put(property, prefix + "." + topic));
        properties.put("spring.cloud.stream.bindings.extractArticles-in-0.group", prefix + "-parser");
        properties.put("spring.cloud.stream.bindings.indexArticles-in-0.group", prefix + "-indexer");
        properties.put("spring.cloud.stream.bindings.replaceIssues-in-0.group", prefix + "-indexer-issues");
        // Ingest's runs fence each other by this id: a local run must not fence (or be fenced by) the real ingest.
        properties.put("parkworld.ingest.state.transactional-id", prefix + "-ingest");
        // Likewise the parser's transactional.id: another laptop's local parsers on the same Kafka must not fence these.
        properties.put(PARSER_INSTANCE_PROPERTY, prefix);
        properties.put(ALIAS_PROPERTY, prefix + "-" + DEFAULT_ALIAS);
        properties.put("parkworld.indexer.index.name", prefix + "-" + DEFAULT_ALIAS + "-v2");
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

    /** The parser's dead-letter topic, given the properties the services got. */
    static String parserDeadLetterTopic(Map<String, String> properties) {
        return properties.getOrDefault(PARSER_DEAD_LETTER_PROPERTY, Topics.PARSER_DEAD_LETTER);
    }

    /** The indexer's dead-letter topic, given the properties the services got. */
    static String indexerDeadLetterTopic(Map<String, String> properties) {
        return properties.getOrDefault(INDEXER_DEAD_LETTER_PROPERTY, Topics.INDEXER_DEAD_LETTER);
    }

    /** {@code parkworld.topics.<name>} to default topic, as the contract's topics file defines them, sorted. */
    static Map<String, String> contractTopics() {
        Properties defaults = new Properties();
        try (InputStream in = Topics.class.getClassLoader().getResourceAsStream(Topics.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(Topics.RESOURCE + " is not on the class path");
            }
            defaults.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, String> topics = new TreeMap<>();
        defaults.stringPropertyNames().stream()
            .filter(name -> name.startsWith(TOPIC_PROPERTY_PREFIX))
            .forEach(name -> topics.put(name, defaults.getProperty(name)));
        return topics;
    }
}
