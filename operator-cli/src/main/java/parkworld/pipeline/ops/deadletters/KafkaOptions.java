package parkworld.pipeline.ops.deadletters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import parkworld.pipeline.contract.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the dead letters are: the broker, how to reach it, and which dead-letter topic. */
final class KafkaOptions {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    /** Whose dead letters: resolves to the service's default dead-letter topic. */
    enum Service {
        PARSER(Topics.PARSER_DEAD_LETTER), INDEXER(Topics.INDEXER_DEAD_LETTER);

        private final String deadLetterTopic;

        Service(String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
        }
    }

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka to connect to (default: bootstrap.servers of --command-config, else "
                    + DEFAULT_BOOTSTRAP_SERVERS + ").")
    String bootstrapServers;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TopicChoice topic;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*), as Kafka's own tools take.")
    Path commandConfig;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for Kafka to answer or a read to make progress, e.g. 10s, 2m "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    static final class TopicChoice {

        @Option(names = "--topic", paramLabel = "TOPIC", required = true,
                description = "The dead-letter topic, e.g. a run's local-<id>.parkworld.parser.dlq.")
        String name;

        @Option(names = "--service", paramLabel = "parser|indexer", required = true,
                description = "Instead of --topic: that service's default dead-letter topic, as defined in the contract's "
                        + "parkworld-topics.properties.")
        Service service;
    }

    String topic() {
        return this.topic.name != null ? this.topic.name : this.topic.service.deadLetterTopic;
    }

    /** The --command-config settings with bootstrap.servers resolved; the caller adds what its client needs. */
    Properties clientProperties() {
        Properties properties = new Properties();
        if (this.commandConfig != null) {
            try (InputStream in = Files.newInputStream(this.commandConfig)) {
                properties.load(in);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot read --command-config " + this.commandConfig, ex);
            }
        }
        if (this.bootstrapServers != null) {
            properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
        }
        properties.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        return properties;
    }
}
