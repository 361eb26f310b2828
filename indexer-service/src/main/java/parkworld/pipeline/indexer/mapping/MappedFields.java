package parkworld.pipeline.indexer.mapping;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of an event that the index mapping declares, at every level. The mapping is strict, so a document may
 * hold nothing else: fields a newer contract version added (or a newer producer sent) stay out of the document until
 * a mapping version declares them. The mapping file is the one source of truth for what is indexed.
 */
public final class MappedFields {

    /** The fields of the mapping this build writes to. */
    public static final MappedFields V1 = new MappedFields(ArticleIndexMapping.v1().mappings().path("properties"));

    // Same number encoding as the contract's EventJson: amounts stay exact, never re-encoded as doubles.
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();

    private final JsonNode properties;

    MappedFields(JsonNode properties) {
        this.properties = properties;
    }

    /**
     * @param event an event's JSON as this build's contract records write it (so unknown fields are already gone;
     *              the value of a field mapped as a leaf, such as a {@code geo_point} object, is kept whole)
     * @return the same JSON with only the fields the mapping declares
     */
    public byte[] restrict(byte[] event) {
        JsonNode tree = JSON.readTree(event);
        if (tree instanceof ObjectNode object) {
            restrict(object, this.properties);
        }
        return JSON.writeValueAsBytes(tree);
    }

    private static void restrict(ObjectNode object, JsonNode mapped) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode mapping = mapped.get(field.getKey());
            if (mapping == null) {
                fields.remove();
                continue;
            }
            JsonNode nested = mapping.get("properties");
            if (nested != null) {
                restrictValue(field.getValue(), nested);
            }
        }
    }

    private static void restrictValue(JsonNode value, JsonNode mapped) {
        if (value instanceof ObjectNode object) {
            restrict(object, mapped);
        }
        else if (value instanceof ArrayNode array) {
            array.forEach(element -> restrictValue(element, mapped));
        }
    }
}
