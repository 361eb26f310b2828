package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Gives the partitioned topics of a run the partitions {@code article-contract/asyncapi.yaml} documents for them
 * ({@code parkworld.issues.fetched} 6, {@code parkworld.articles} 6, {@code parkworld.issues.parsed} 3), before the
 * services start: otherwise the first service to touch a topic creates it with the broker's single partition, and a
 * second parser or indexer instance joins its group with nothing to consume. Missing topics are created, topics with
 * fewer partitions (a kept {@code target/local-run/} from before) get more; topics of one partition (dead letters,
 * ingest's state) are left to the services, which create them with their own settings.
 *
 * <p>Runs as a child JVM on the broker's class path ({@code kafka-libs}: Kafka's admin client and SnakeYAML), since
 * the run command's own class path has neither ({@link #ensure}); {@link #main} is that process.
 */
final class TopicPartitions {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Starts the line {@link #main} prints per topic: {@code partitions <topic> <count>}. */
    private static final String RESULT = "partitions ";

    private TopicPartitions() {
    }

    /**
     * The partitioned channels of the AsyncAPI document: topic (renamed by {@code overrides}, property to name, as
     * the services get them) to partitions.
     */
    static Map<String, Integer> partitioned(Path asyncApi, Map<String, String> overrides) {
        Map<String, Object> document;
        try (InputStream in = Files.newInputStream(asyncApi)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + asyncApi, ex);
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (Object value : map(document.get("channels")).values()) {
            Map<String, Object> channel = map(value);
            Object partitions = map(map(channel.get("bindings")).get("kafka")).get("partitions");
            if (partitions instanceof Integer count && count > 1) {
                String address = String.valueOf(channel.get("address"));
                String property = String.valueOf(channel.get("x-topic-property"));
                topics.put(overrides.getOrDefault(property, address), count);
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * Runs {@link #main} as a child JVM and waits for it.
     *
     * @param overrides the services' properties: {@code parkworld.topics.*} in it rename topics
     * @param logFile   receives what was created or grown
     * @return the partitioned topics (as renamed) and their partitions now
     */
    static Map<String, Integer> ensure(String bootstrapServers, Path asyncApi, Map<String, String> overrides, Path logFile) {
        Path libs = Binaries.load().requireKafkaLibs();
        List<String> command = new ArrayList<>(List.of(RunningJvm.javaExecutable(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", ownLocation() + java.io.File.pathSeparator + libs.resolve("*"),
                TopicPartitions.class.getName(), bootstrapServers, asyncApi.toString()));
        overrides.forEach((property, value) -> {
            if (property.startsWith(RunIsolation.TOPIC_PROPERTY_PREFIX)) {
                command.add(property + "=" + value);
            }
        });
        LogFile.begin(logFile, String.join(" ", command));
        OneShotCommand.Result result = OneShotCommand.run(new ProcessBuilder(command), TIMEOUT.plusSeconds(30));
        LogFile.note(logFile, result.output());
        if (!result.succeeded()) {
            throw new IllegalStateException("Could not create the partitioned topics (exit " + result.exitCode() + "); see "
                    + logFile + System.lineSeparator() + result.output());
        }
        Map<String, Integer> partitions = new LinkedHashMap<>();
        result.output().lines().filter(line -> line.startsWith(RESULT)).forEach(line -> {
            String[] fields = line.split(" ");
            partitions.put(fields[1], Integer.parseInt(fields[2]));
        });
        return partitions;
    }

    /** The jar or class directory this class was loaded from. */
    private static Path ownLocation() {
        try {
            return Path.of(TopicPartitions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** {@code <bootstrap servers> <asyncapi.yaml> [parkworld.topics.X=name ...]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            overrides.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        Map<String, Integer> wanted = partitioned(Path.of(args[1]), overrides);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            for (Map.Entry<String, Integer> topic : wanted.entrySet()) {
                ensure(admin, topic.getKey(), topic.getValue());
            }
        }
    }

    private static void ensure(Admin admin, String topic, int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.println("created " + topic);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw ex;
            }
            TopicDescription existing = admin.describeTopics(Set.of(topic)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            int has = existing.partitions().size();
            if (has < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions)))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                System.out.println("grew " + topic + " from " + has + " partitions");
            }
            else {
                partitions = has;
            }
        }
        System.out.println(RESULT + topic + " " + partitions);
    }
}
