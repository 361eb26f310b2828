package parkworld.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The build-time guard of the contract rules: a released schema may only grow optional properties. A change that
 * is not additive fails here until it is made as a new schema version.
 */
class SchemaEvolutionTests {

    private static final Path RELEASED = Path.of("released-schemas");
    private static final Path CURRENT = Path.of("src/main/resources/schemas");
    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v(\\d+)\\.schema\\.json");

    @Test
    void everyReleasedSchemaIsStillPublishedAndChangedOnlyAdditively() throws IOException {
        List<Path> released = releasedSchemas();
        assertThat(released).as("released schemas under " + RELEASED.toAbsolutePath()).isNotEmpty();
        for (Path file : released) {
            Path current = CURRENT.resolve(file.getFileName());
            assertThat(current).as("released schema %s must stay published alongside any newer version", file)
                .exists();
            assertThat(SchemaEvolution.breakingChanges(read(file), read(current)))
                .as("%s changed in a way that breaks consumers or producers of the released contract; keep it as "
                        + "released and add %s.v%d.schema.json (with a new ce_type) instead", file.getFileName(),
                        name(file), version(file) + 1)
                .isEmpty();
        }
    }

    @Test
    void everyEventTypeNamesTheVersionOfItsSchemaInItsCloudEventsType() {
        for (EventType type : EventType.values()) {
            String file = type.schemaId().substring(EventType.SCHEMA_ID_PREFIX.length());
            Matcher m = VERSIONED.matcher(file);
            assertThat(m.matches()).as(file).isTrue();
            assertThat(type.cloudEventType()).as(type.name()).endsWith(".v" + m.group(2));
        }
    }

    @Test
    void acceptsANewOptionalPropertyAndEditedDescriptions() {
        ObjectNode released = article();
        ObjectNode current = released.deepCopy();
        ((ObjectNode) current.get("properties")).putObject("investment").put("type", "object");
        ((ObjectNode) current.at("/properties/title")).put("description", "reworded");
        ((ObjectNode) current.at("/properties/amounts/items/properties")).putObject("valueCny").put("type", "number");
        assertThat(SchemaEvolution.breakingChanges(released, current)).isEmpty();
    }

    @Test
    void refusesARemovedOrRenamedProperty() {
        ObjectNode current = article();
        ((ObjectNode) current.get("properties")).remove("title");
        assertThat(SchemaEvolution.breakingChanges(article(), current)).singleElement().asString()
            .startsWith("/properties/title: property removed");
    }

    @Test
    void refusesARetypedNestedProperty() {
        ObjectNode current = article();
        ((ObjectNode) current.at("/properties/amounts/items/properties/value")).put("type", "string");
        assertThat(SchemaEvolution.breakingChanges(article(), current)).singleElement().asString()
            .startsWith("/properties/amounts/items/properties/value/type: changed");
    }

    @Test
    void refusesANewRequiredProperty() {
        ObjectNode current = article();
        ((ObjectNode) current.get("properties")).putObject("eventType").put("type", "string");
        ((ArrayNode) current.get("required")).add("eventType");
        assertThat(SchemaEvolution.breakingChanges(article(), current)).singleElement().asString()
            .startsWith("/required: changed");
    }

    @Test
    void refusesANewOrTightenedConstraint() {
        ObjectNode tighter = article();
        ((ObjectNode) tighter.at("/properties/title")).put("maxLength", 100);
        assertThat(SchemaEvolution.breakingChanges(article(), tighter)).singleElement().asString()
            .startsWith("/properties/title/maxLength: changed");
        ObjectNode added = article();
        ((ObjectNode) added.at("/properties/lead")).put("minLength", 1);
        assertThat(SchemaEvolution.breakingChanges(article(), added)).singleElement().asString()
            .startsWith("/properties/lead/minLength: added");
    }

    @Test
    void refusesClosingAnObjectToUnknownProperties() {
        ObjectNode current = article();
        current.put("additionalProperties", false);
        assertThat(SchemaEvolution.breakingChanges(article(), current)).singleElement().asString()
            .startsWith("/additionalProperties: added");
    }

    /** A trimmed article schema: enough structure (nested objects, arrays, required) for the rules. */
    private static ObjectNode article() {
        return (ObjectNode) EventJson.MAPPER.readTree("""
                {"type":"object","required":["title","amounts"],
                 "properties":{
                   "title":{"type":"string","minLength":1,"maxLength":500},
                   "lead":{"type":"string"},
                   "amounts":{"type":"array","items":{"type":"object","required":["value"],
                       "properties":{"value":{"type":"number"}}}}}}
                """);
    }

    private static List<Path> releasedSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(RELEASED)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return EventJson.MAPPER.readTree(Files.readAllBytes(file));
    }

    private static String name(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) : file.getFileName().toString();
    }

    private static int version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }
}
