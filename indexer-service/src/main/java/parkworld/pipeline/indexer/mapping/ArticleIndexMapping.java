package parkworld.pipeline.indexer.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned definition of the articles index, read from the class path: index settings and a strict mapping of
 * exactly the fields of the search document ({@code SearchDocument}), with the text analysis of a
 * {@link TextAnalysis} profile merged in. A change that existing documents cannot take (a field's type, an analyzer)
 * means a new file {@code articles-v3.json}, a new index, a reindex and the alias moved; adding a field can stay in
 * the same version.
 */
final class ArticleIndexMapping {

    /** The definition this build ships and writes documents of. */
    static final String V2_RESOURCE = "elasticsearch/articles-v2.json";

    /** The logical analyzer names the mapping file uses; a profile says which analyzers they stand for. */
    static final String INDEX_ANALYZER = "article_text";
    static final String SEARCH_ANALYZER = "article_text_search";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String resource;
    private final JsonNode tree;

    private ArticleIndexMapping(String resource, JsonNode tree) {
        this.resource = resource;
        this.tree = tree;
        if (!this.tree.path("mappings").isObject() || !this.tree.path("settings").isObject()) {
            throw new IllegalStateException(resource + " must have a \"settings\" and a \"mappings\" object");
        }
    }

    /**
     * @param analysis how text fields are analysed
     * @return the v2 definition shipped in this jar, with that analysis
     */
    static ArticleIndexMapping v2(TextAnalysis analysis) {
        return load(V2_RESOURCE, analysis);
    }

    /**
     * @param resource a class path resource holding {@code {"settings": ..., "mappings": ...}}
     * @param analysis the profile to merge in: its settings into {@code settings}, its analyzer names in place of
     *                 {@value #INDEX_ANALYZER} and {@value #SEARCH_ANALYZER}
     * @return the definition
     */
    static ArticleIndexMapping load(String resource, TextAnalysis analysis) {
        ObjectNode definition = (ObjectNode) read(resource);
        JsonNode profile = read(analysis.resource());
        JsonNode analyzers = profile.path("analyzers");
        if (!analyzers.path(INDEX_ANALYZER).isString() || !analyzers.path(SEARCH_ANALYZER).isString()) {
            throw new IllegalStateException(analysis.resource() + " must name the analyzers " + INDEX_ANALYZER
                    + " and " + SEARCH_ANALYZER + " stand for");
        }
        merge((ObjectNode) definition.path("settings"), profile.path("settings"));
        replaceAnalyzers(definition.path("mappings"), Map.of(INDEX_ANALYZER, analyzers.path(INDEX_ANALYZER).asString(),
                SEARCH_ANALYZER, analyzers.path(SEARCH_ANALYZER).asString()));
        return new ArticleIndexMapping(resource + " with " + analysis.resource(), definition);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ArticleIndexMapping.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return JSON.readTree(in.readAllBytes());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    private static void merge(ObjectNode target, JsonNode source) {
        source.properties().forEach(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            }
            else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void replaceAnalyzers(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            for (String key : new java.util.ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(key);
                if ((key.equals("analyzer") || key.equals("search_analyzer")) && value.isString()
                        && names.containsKey(value.asString())) {
                    object.put(key, names.get(value.asString()));
                }
                else {
                    replaceAnalyzers(value, names);
                }
            }
        }
    }

    /** @return where the definition was read from, for messages */
    String resource() {
        return this.resource;
    }

    /** @return the whole definition, the body of a create-index request */
    InputStream createIndexBody() {
        return new ByteArrayInputStream(JSON.writeValueAsBytes(this.tree));
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

    /** @return the {@code settings} object, for inspection */
    JsonNode settings() {
        return this.tree.get("settings");
    }
}
