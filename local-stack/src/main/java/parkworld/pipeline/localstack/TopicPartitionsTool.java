package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The child process of {@link TopicPartitions}: reads the partitioned channels of article-contract/asyncapi.yaml and
 * creates or grows their topics with Kafka's admin client. Needs the broker's class path.
 */
final class TopicPartitionsTool {

    private static final long TIMEOUT_MS = TopicPartitions.TIMEOUT.toMillis();
    private static final String RESULT = TopicPartitions.RESULT;

    private TopicPartitionsTool() {
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
     * {@code <bootstrap servers> <asyncapi.yaml> [parkworld.topics.X=name ...]}; with {@value TopicPartitions#DOCUMENTED}
     * for the bootstrap servers, only prints the partitions the document gives, without Kafka.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            overrides.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        Map<String, Integer> wanted = partitioned(Path.of(args[1]), overrides);
        if (args[0].equals(TopicPartitions.DOCUMENTED)) {
            wanted.forEach((topic, partitions) -> System.out.println(RESULT + topic + " " + partitions));
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS))) {
            for (Map.Entry<String, Integer> topic : wanted.entrySet()) {
                ensure(admin, topic.getKey(), topic.getValue());
            }
        }
    }

    private static void ensure(Admin admin, String topic, int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            System.out.println("created " + topic);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw ex;
            }
            TopicDescription existing = admin.describeTopics(Set.of(topic)).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            int has = existing.partitions().size();
            if (has < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions)))
                    .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                System.out.println("grew " + topic + " from " + has + " partitions");
            }
            else {
                partitions = has;
            }
        }
        System.out.println(RESULT + topic + " " + partitions);
    }
}
