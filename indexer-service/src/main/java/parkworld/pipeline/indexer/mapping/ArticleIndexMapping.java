package parkworld.pipeline.indexer.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned definition of the articles index, read from the class path: index settings and a strict mapping of
 * exactly the {@code ArticleExtracted} fields. A change that existing documents cannot take (a field's type) means
 * a new file {@code articles-v2.json}, a new index, a reindex and the alias moved; adding a field can stay in v1.
 */
final class ArticleIndexMapping {

    /** The definition this build ships. */
    static final String V1_RESOURCE = "elasticsearch/articles-v1.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String resource;
    private final byte[] definition;
    private final JsonNode tree;

    private ArticleIndexMapping(String resource, byte[] definition) {
        this.resource = resource;
        this.definition = definition;
        this.tree = JSON.readTree(definition);
        if (!this.tree.path("mappings").isObject() || !this.tree.path("settings").isObject()) {
            throw new IllegalStateException(resource + " must have a \"settings\" and a \"mappings\" object");
        }
    }

    /** @return the v1 definition shipped in this jar */
    static ArticleIndexMapping v1() {
        return load(V1_RESOURCE);
    }

    /**
     * @param resource a class path resource holding {@code {"settings": ..., "mappings": ...}}
     * @return its definition
     */
    static ArticleIndexMapping load(String resource) {
        try (InputStream in = ArticleIndexMapping.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new ArticleIndexMapping(resource, in.readAllBytes());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    /** @return where the definition was read from, for messages */
    String resource() {
        return this.resource;
    }

    /** @return the whole definition, the body of a create-index request */
    InputStream createIndexBody() {
        return new ByteArrayInputStream(this.definition);
    }

    /** @return the {@code mappings} object alone, the body of a put-mapping request */
    InputStream putMappingBody() {
        return new ByteArrayInputStream(JSON.writeValueAsBytes(this.tree.get("mappings")));
    }

    /**
     * @param indexName the one index the template applies to
     * @param priority  the template's priority, above any broader template that could match the name
     * @return the body of a put-index-template request giving {@code indexName} this definition whenever
     *         Elasticsearch creates it, e.g. when a bulk request writes to it after it was deleted
     */
    InputStream indexTemplateBody(String indexName, int priority) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("index_patterns").add(indexName);
        body.put("priority", priority);
        ObjectNode template = body.putObject("template");
        template.set("settings", this.tree.get("settings"));
        template.set("mappings", this.tree.get("mappings"));
        body.putObject("_meta").put("source", this.resource);
        return new ByteArrayInputStream(JSON.writeValueAsBytes(body));
    }

    /** @return the {@code mappings} object, for inspection */
    JsonNode mappings() {
        return this.tree.get("mappings");
    }
}
