package parkworld.pipeline.indexer.kibana;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import parkworld.pipeline.indexer.IndexProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kibana saved objects the project ships ({@code deploy/kibana/parkworld.ndjson}) and what they are checked
 * against: the mapping the indexer ships and the alias its application.yml configures.
 */
final class SavedObjects {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The NDJSON file, found from the project root (Maven runs tests in the module directory). */
    static final Path FILE = Path.of(System.getProperty("parkworld.project.root", ".."), "deploy", "kibana",
            "parkworld.ndjson");

    private SavedObjects() {
    }

    /** @return every object of the file, in order; each line must be one JSON object */
    static List<JsonNode> all() {
        try {
            List<JsonNode> objects = new ArrayList<>();
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    objects.add(JSON.readTree(line));
                }
            }
            return objects;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param id an object id
     * @return that object
     */
    static JsonNode byId(String id) {
        return all().stream().filter(o -> o.path("id").asString().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError("no saved object " + id + " in " + FILE));
    }

    /**
     * @param text an attribute holding a JSON string (panelsJSON, layerListJSON, searchSourceJSON...)
     * @return it parsed
     */
    static JsonNode parsed(JsonNode text) {
        return JSON.readTree(text.asString());
    }

    /** @return the alias readers use, as the indexer's application.yml configures it */
    static String configuredAlias() {
        try {
            Binder documented = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0)));
            return documented.bindOrCreate("parkworld.indexer.index", IndexProperties.class).alias();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return every field of the shipped mapping ({@code elasticsearch/articles-v2.json}) with its type */
    static Map<String, String> mappedFields() {
        try (InputStream in = SavedObjects.class.getClassLoader()
            .getResourceAsStream("elasticsearch/articles-v2.json")) {
            Map<String, String> fields = new TreeMap<>();
            collect("", JSON.readTree(in.readAllBytes()).path("mappings").path("properties"), fields);
            return fields;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void collect(String prefix, JsonNode properties, Map<String, String> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode definition = field.getValue();
            if (definition.has("properties")) {
                collect(path + ".", definition.path("properties"), fields);
                continue;
            }
            String type = definition.path("type").asString("object");
            fields.put(path, definition.path("enabled").asBoolean(true) ? type : "disabled " + type);
            definition.path("fields").properties()
                .forEach(sub -> fields.put(path + "." + sub.getKey(), sub.getValue().path("type").asString()));
        }
    }
}
