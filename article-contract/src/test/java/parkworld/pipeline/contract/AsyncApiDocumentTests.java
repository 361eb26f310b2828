package parkworld.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code asyncapi.yaml} says what the contract's own files say: the topics of {@code parkworld-topics.properties},
 * payloads and keys by reference to the JSON Schemas of {@link EventType}, its CloudEvents types and schema ids, the
 * header names of {@link CloudEventHeaders} and {@link DeadLetterHeaders}, the reasons of {@link DeadLetterReason}.
 * The build also validates it with {@code @asyncapi/parser} (exec-maven-plugin, {@code asyncapi/validate.mjs}).
 */
class AsyncApiDocumentTests {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static final String SCHEMAS = "./src/main/resources/schemas/";

    @Test
    void describesExactlyTheTopicsOfTheTopicsFile() throws IOException {
        Properties topics = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Topics.RESOURCE)) {
            topics.load(in);
        }
        Map<String, String> expected = new TreeMap<>();
        topics.stringPropertyNames().forEach(name -> expected.put(name, topics.getProperty(name)));

        Map<String, String> documented = new TreeMap<>();
        channels().values().forEach(channel -> documented.put((String) channel.get("x-topic-property"),
                (String) channel.get("address")));

        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void everyTopicStatesPartitionsReplicasCleanupPolicyAndRetention() {
        channels().forEach((id, channel) -> {
            Map<String, Object> kafka = map(map(channel.get("bindings")).get("kafka"));
            assertThat(kafka).as(id).containsKeys("partitions", "replicas");
            assertThat(map(kafka.get("topicConfiguration"))).as(id).containsKeys("cleanup.policy", "retention.ms");
        });
    }

    @Test
    void eventPayloadsAndKeysReferToTheContractsSchemas() {
        Map<String, Object> messages = map(map(document().get("components")).get("messages"));
        for (EventType type : EventType.values()) {
            String schemaFile = type.schemaId().substring(EventType.SCHEMA_ID_PREFIX.length());
            Map<String, Object> message = messages.values().stream().map(AsyncApiDocumentTests::map)
                .filter(m -> type.cloudEventType().equals(m.get("x-ce-type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message with x-ce-type " + type.cloudEventType()));

            assertThat(message.get("name")).isEqualTo(type.recordType().getSimpleName());
            Map<String, Object> payload = map(message.get("payload"));
            assertThat(map(payload.get("schema")).get("$ref")).as(type.name()).isEqualTo(SCHEMAS + schemaFile);
            assertThat(Files.exists(Path.of("src/main/resources/schemas", schemaFile))).isTrue();
            String keyRef = (String) map(map(map(message.get("bindings")).get("kafka")).get("key")).get("$ref");
            assertThat(keyRef).as(type.name()).startsWith(SCHEMAS + schemaFile + "#/properties/");
        }
    }

    @Test
    void headersAreTheContractsCloudEventsAndDeadLetterHeaders() {
        Map<String, Object> schemas = map(map(document().get("components")).get("schemas"));
        Set<String> cloudEvents = map(map(schemas.get("cloudEventHeaders")).get("properties")).keySet();
        assertThat(cloudEvents).containsExactlyInAnyOrderElementsOf(constants(CloudEventHeaders.class, "SPEC_VERSION_1_0",
                "JSON", "SECTION"));
        List<Object> articleParts = list(map(schemas.get("articleHeaders")).get("allOf"));
        assertThat(map(map(articleParts.get(1)).get("properties"))).containsOnlyKeys(CloudEventHeaders.SECTION);

        Map<String, Object> deadLetter = map(map(schemas.get("deadLetterHeaders")).get("properties"));
        assertThat(deadLetter.keySet()).containsExactlyInAnyOrderElementsOf(constants(DeadLetterHeaders.class, "PREFIX",
                "REPLAYED_FROM"));
        assertThat(list(map(deadLetter.get(DeadLetterHeaders.REASON)).get("enum")))
            .containsExactlyElementsOf(Arrays.stream(DeadLetterReason.values()).map(Enum::name).toList());
    }

    private static Set<String> constants(Class<?> type, String... except) {
        Set<String> excluded = Set.of(except);
        return Arrays.stream(type.getFields())
            .filter(f -> f.getType() == String.class && !excluded.contains(f.getName()))
            .map(f -> {
                try {
                    return (String) f.get(null);
                }
                catch (IllegalAccessException ex) {
                    throw new IllegalStateException(ex);
                }
            })
            .collect(Collectors.toSet());
    }

    private static Map<String, Map<String, Object>> channels() {
        Map<String, Map<String, Object>> channels = new LinkedHashMap<>();
        map(document().get("channels")).forEach((id, channel) -> channels.put(id, map(channel)));
        return channels;
    }

    private static Map<String, Object> document() {
        try (Reader in = Files.newBufferedReader(DOCUMENT)) {
            return new Yaml().load(in);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
