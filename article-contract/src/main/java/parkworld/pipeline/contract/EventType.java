package parkworld.pipeline.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The events of the contract with their CloudEvents type and JSON Schema. The version in the type changes only on
 * an incompatible change, and then both versions are published for a while.
 */
public enum EventType {

    ISSUE_FETCHED(IssueFetched.class, "net.parkworld.issue.fetched.v1", "issue-fetched.v1.schema.json"),
    ARTICLE_EXTRACTED(ArticleExtracted.class, "net.parkworld.article.extracted.v1",
            "article-extracted.v1.schema.json"),
    ISSUE_PARSED(IssueParsed.class, "net.parkworld.issue.parsed.v1", "issue-parsed.v1.schema.json");

    /** Schema ids are URLs under this prefix; the files ship in this jar under {@code schemas/}. */
    public static final String SCHEMA_ID_PREFIX = "https://parkworld.net/schemas/";

    // Resolves $id and $ref from the class path: validation never goes to the network.
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_ID_PREFIX, "classpath:schemas/")));

    private final Class<?> recordType;
    private final String cloudEventType;
    private final String schemaFile;
    private volatile Schema schema;

    EventType(Class<?> recordType, String cloudEventType, String schemaFile) {
        this.recordType = recordType;
        this.cloudEventType = cloudEventType;
        this.schemaFile = schemaFile;
    }

    public Class<?> recordType() {
        return this.recordType;
    }

    public String cloudEventType() {
        return this.cloudEventType;
    }

    /** The {@code $id} of the JSON Schema, also sent as {@code ce_dataschema}. */
    public String schemaId() {
        return SCHEMA_ID_PREFIX + this.schemaFile;
    }

    /**
     * Checks a serialized event against this type's JSON Schema, formats ({@code date}, {@code date-time},
     * {@code uri}) included. Properties the schema does not know are accepted: a newer minor version may add them.
     *
     * @param json the event as JSON
     * @return one line per violation, empty when the event conforms
     */
    public List<String> violations(byte[] json) {
        JsonNode node;
        try {
            node = EventJson.MAPPER.readTree(json);
        }
        catch (RuntimeException ex) {
            return List.of("not JSON: " + ex.getMessage());
        }
        // Draft 2020-12 treats "format" as an annotation only; dates and instants are part of the contract, so assert.
        return schema().validate(node, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
            .stream()
            .map(Error::toString)
            .toList();
    }

    private Schema schema() {
        Schema loaded = this.schema;
        if (loaded == null) {
            loaded = SCHEMAS.getSchema(SchemaLocation.of(schemaId()));
            this.schema = loaded;
        }
        return loaded;
    }
}
