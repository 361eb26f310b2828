package parkworld.pipeline.localstack;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the partitioned topics of a run the partitions {@code article-contract/asyncapi.yaml} documents for them
 * ({@code parkworld.issues.fetched} 6, {@code parkworld.articles} 6, {@code parkworld.issues.parsed} 3), before the
 * services start: otherwise the first service to touch a topic creates it with the broker's single partition, and a
 * second parser or indexer instance joins its group with nothing to consume. Missing topics are created, topics with
 * fewer partitions (a kept {@code target/local-run/} from before) get more; topics of one partition (dead letters,
 * ingest's state) are left to the services, which create them with their own settings.
 *
 * <p>The work is done by {@link TopicPartitionsTool} in a child JVM on the broker's class path ({@code kafka-libs}:
 * Kafka's admin client and SnakeYAML), since the run command's own class path has neither; this class names none
 * of their types, so it loads without them.
 */
final class TopicPartitions {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Starts the line the tool prints per topic: {@code partitions <topic> <count>}. */
    static final String RESULT = "partitions ";
    /** In place of the bootstrap servers: {@link TopicPartitionsTool} only reads the document (see {@link #documented}). */
    static final String DOCUMENTED = "--documented";

    private TopicPartitions() {
    }

    /**
     * Runs {@link TopicPartitionsTool} as a child JVM and waits for it.
     *
     * @param overrides the services' properties: {@code parkworld.topics.*} in it rename topics
     * @param logFile   receives what was created or grown
     * @return the partitioned topics (as renamed) and their partitions now
     */
    static Map<String, Integer> ensure(String bootstrapServers, Path asyncApi, Map<String, String> overrides, Path logFile) {
        List<String> command = command(bootstrapServers, asyncApi, overrides);
        LogFile.begin(logFile, String.join(" ", command));
        OneShotCommand.Result result = OneShotCommand.run(new ProcessBuilder(command), TIMEOUT.plusSeconds(30));
        LogFile.note(logFile, result.output());
        if (!result.succeeded()) {
            throw new IllegalStateException("Could not create the partitioned topics (exit " + result.exitCode() + "); see "
                    + logFile + System.lineSeparator() + result.output());
        }
        return partitions(result);
    }

    /**
     * The partitioned topics and the partitions the AsyncAPI document gives them, read by {@link TopicPartitionsTool}
     * without Kafka: what {@link #ensure} gives topics it creates, known before anything starts.
     */
    static Map<String, Integer> documented(Path asyncApi) {
        OneShotCommand.Result result = OneShotCommand.run(command(DOCUMENTED, asyncApi, Map.of()), TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("Could not read the topics' partitions from " + asyncApi + " (exit "
                    + result.exitCode() + ")" + System.lineSeparator() + result.output());
        }
        return partitions(result);
    }

    private static List<String> command(String bootstrapServers, Path asyncApi, Map<String, String> overrides) {
        Path libs = Binaries.load().requireKafkaLibs();
        List<String> command = new ArrayList<>(List.of(RunningJvm.javaExecutable(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", ownLocation() + java.io.File.pathSeparator + libs.resolve("*"),
                TopicPartitionsTool.class.getName(), bootstrapServers, asyncApi.toString()));
        overrides.forEach((property, value) -> {
            if (property.startsWith(RunIsolation.TOPIC_PROPERTY_PREFIX)) {
                command.add(property + "=" + value);
            }
        });
        return command;
    }

    private static Map<String, Integer> partitions(OneShotCommand.Result result) {
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

}
