package parkworld.pipeline.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a schema change keeps its version: only additions a consumer of the released schema cannot notice
 * are allowed, i.e. new optional properties and edited annotations. Everything else is a breaking change that needs
 * a new schema version.
 */
final class SchemaEvolution {

    /** Keywords that describe and never constrain: they may change freely. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "$comment", "deprecated");

    private SchemaEvolution() {
    }

    /**
     * @param released the schema as released
     * @param current  the schema now
     * @return one line per breaking change, with its JSON pointer; empty when the change is additive
     */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare(released, current, "", problems);
        return problems;
    }

    private static void compare(JsonNode released, JsonNode current, String path, List<String> problems) {
        if (!released.isObject() || !current.isObject()) {
            if (!released.equals(current)) {
                problems.add(at(path) + "changed from " + released + " to " + current);
            }
            return;
        }
        Set<String> keys = new HashSet<>();
        released.propertyNames().forEach(keys::add);
        current.propertyNames().forEach(keys::add);
        for (String key : keys) {
            if (ANNOTATIONS.contains(key)) {
                continue;
            }
            JsonNode before = released.get(key);
            JsonNode after = current.get(key);
            String child = path + "/" + key;
            if (before == null) {
                if (!key.equals("properties")) {
                    problems.add(at(child) + "added " + after + " (a new constraint)");
                }
                continue;
            }
            if (after == null) {
                if (!(key.equals("properties") && before.isEmpty())) {
                    problems.add(at(child) + "removed (was " + before + ")");
                }
                continue;
            }
            switch (key) {
                case "properties" -> compareProperties(before, after, child, problems);
                case "required" -> {
                    if (!asSet(before).equals(asSet(after))) {
                        problems.add(at(child) + "changed from " + before + " to " + after
                                + " (a new required property breaks older producers, a dropped one breaks consumers)");
                    }
                }
                case "items", "additionalProperties" -> compare(before, after, child, problems);
                default -> {
                    if (before.isObject() && after.isObject()) {
                        compare(before, after, child, problems);
                    }
                    else if (!before.equals(after)) {
                        problems.add(at(child) + "changed from " + before + " to " + after);
                    }
                }
            }
        }
    }

    private static void compareProperties(JsonNode released, JsonNode current, String path, List<String> problems) {
        for (Iterator<String> names = released.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            JsonNode after = current.get(name);
            if (after == null) {
                problems.add(at(path + "/" + name) + "property removed or renamed");
            }
            else {
                compare(released.get(name), after, path + "/" + name, problems);
            }
        }
        // New properties in `current` are the additive change; whether they are optional is checked by `required`.
    }

    private static Set<String> asSet(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String at(String path) {
        return (path.isEmpty() ? "/" : path) + ": ";
    }
}
