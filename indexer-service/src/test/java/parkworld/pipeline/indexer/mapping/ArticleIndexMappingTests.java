package parkworld.pipeline.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.indexer.document.SearchDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArticleIndexMappingTests {

    final ArticleIndexMapping mapping = ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS);

    @Test
    void refusesFieldsTheMappingDoesNotName() {
        assertThat(this.mapping.mappings().path("dynamic").asString())
            .as("a document with a field outside the search document must be refused, not silently mapped")
            .isEqualTo("strict");
    }

    @Test
    void mapsExactlyTheFieldsOfTheSearchDocument() {
        TreeSet<String> document = new TreeSet<>(fieldPaths("", SearchDocument.class));
        TreeSet<String> mapped = new TreeSet<>(mappedPaths("", this.mapping.mappings().path("properties")));

        assertThat(mapped).as("mapped field paths vs. SearchDocument record components").isEqualTo(document);
    }

    @Test
    void mapsWhatDashboardsAggregateAsKeywordsDatesNumbersAndGeoPoints() {
        Map<String, String> expected = Map.ofEntries(Map.entry("articleId", "keyword"), Map.entry("section", "keyword"),
                Map.entry("industries", "keyword"), Map.entry("eventType", "keyword"),
                Map.entry("sourceName", "keyword"), Map.entry("organizations.name", "keyword"),
                Map.entry("organizations.role", "keyword"), Map.entry("issue.date", "date"),
                Map.entry("issue.serial", "integer"), Map.entry("issue.sourceUrl", "keyword"),
                Map.entry("province", "keyword"), Map.entry("provinceCode", "keyword"), Map.entry("city", "keyword"),
                Map.entry("location", "geo_point"), Map.entry("provinces", "keyword"),
                Map.entry("investmentCny", "double"), Map.entry("eventDates", "date"), Map.entry("parsedAt", "date"),
                Map.entry("title", "text"), Map.entry("lead", "text"), Map.entry("body", "text"));
        expected.forEach((path, type) -> assertThat(field(path).path("type").asString())
            .as("type of %s", path)
            .isEqualTo(type));
        assertThat(field("title").path("fields").path("keyword").path("type").asString())
            .as("title needs a keyword subfield for exact matches and tables").isEqualTo("keyword");
    }

    @Test
    void keepsAmountsPlacesAndTheInvestmentForDisplayOnly() {
        for (String display : List.of("amounts", "places", "investment")) {
            assertThat(field(display).path("enabled").isBoolean() && !field(display).path("enabled").asBoolean())
                .as("%s is not indexed, so no dashboard can sum or count it by mistake", display)
                .isTrue();
        }
    }

    @Test
    void hasNoNestedFields() {
        assertThat(this.mapping.mappings().toString()).doesNotContain("\"nested\"");
    }

    @ParameterizedTest
    @CsvSource({ "SUBSTRINGS, han_substrings, whitespace", "SMARTCN, smartcn, smartcn", "IK, ik_max_word, ik_smart" })
    void analysesTextWithTheConfiguredProfile(TextAnalysis analysis, String indexAnalyzer, String searchAnalyzer) {
        ArticleIndexMapping configured = ArticleIndexMapping.v2(analysis);

        for (String text : List.of("title", "lead", "body")) {
            JsonNode definition = configured.mappings().path("properties").path(text);
            assertThat(definition.path("analyzer").asString()).as("index analyzer of %s", text).isEqualTo(indexAnalyzer);
            assertThat(definition.path("search_analyzer").asString()).as("search analyzer of %s", text)
                .isEqualTo(searchAnalyzer);
        }
        List<String> analyzers = new ArrayList<>();
        collectAnalyzers(configured.mappings(), analyzers);
        assertThat(analyzers).as("analyzers the mapping names").isNotEmpty()
            .doesNotContain(ArticleIndexMapping.INDEX_ANALYZER, ArticleIndexMapping.SEARCH_ANALYZER);
    }

    @Test
    void substringsProfileDefinesItsAnalyzerFromTheStandardTokenizerAndAShingleFilter() {
        JsonNode index = this.mapping.settings().path("index");
        JsonNode analyzer = index.path("analysis").path("analyzer").path("han_substrings");
        JsonNode shingle = index.path("analysis").path("filter").path("han_substrings");

        assertThat(analyzer.path("tokenizer").asString()).isEqualTo("standard");
        assertThat(shingle.path("type").asString()).isEqualTo("shingle");
        assertThat(shingle.path("token_separator").asString()).as("Han characters joined as written").isEmpty();
        assertThat(index.path("max_shingle_diff").asInt())
            .as("Elasticsearch refuses a shingle range wider than index.max_shingle_diff")
            .isGreaterThanOrEqualTo(shingle.path("max_shingle_size").asInt() - shingle.path("min_shingle_size").asInt()
                    + 1);
        assertThat(index.path("number_of_shards").asInt()).as("the mapping's own settings are kept").isEqualTo(1);
    }

    @Test
    void makesABareWordSearchTheTextFieldsAndTheSection() {
        List<String> defaultFields = new ArrayList<>();
        this.mapping.settings().path("index").path("query").path("default_field")
            .forEach(name -> defaultFields.add(name.asString()));

        assertThat(defaultFields).containsExactlyInAnyOrder("title", "lead", "body", "section");
        defaultFields.forEach(name -> assertThat(field(name).path("type").asString()).as("type of %s", name)
            .isIn("text", "keyword"));
    }

    @Test
    void putMappingBodyIsTheMappingsObjectAlone() throws Exception {
        JsonNode body = JsonMapper.builder().build().readTree(this.mapping.putMappingBody());

        assertThat(body).isEqualTo(this.mapping.mappings());
        assertThat(body.has("settings")).isFalse();
    }

    private JsonNode field(String path) {
        JsonNode node = this.mapping.mappings();
        for (String part : path.split("\\.")) {
            node = node.path("properties").path(part);
        }
        return node;
    }

    private static void collectAnalyzers(JsonNode node, List<String> analyzers) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().endsWith("analyzer")) {
                    analyzers.add(entry.getValue().asString());
                }
                collectAnalyzers(entry.getValue(), analyzers);
            });
        }
    }

    /**
     * Leaf paths of a record, descending into this document's own records and lists of them; GeoPoint is a leaf
     * (geo_point), and so are the contract's records kept for display (not indexed).
     */
    private static List<String> fieldPaths(String prefix, Class<?> type) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> element = elementType(component.getGenericType());
            if (element.isRecord() && element != SearchDocument.GeoPoint.class
                    && element.getEnclosingClass() == SearchDocument.class) {
                paths.addAll(fieldPaths(path + ".", element));
            }
            else {
                paths.add(path);
            }
        }
        return paths;
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return (Class<?>) parameterized.getActualTypeArguments()[0];
        }
        return (Class<?>) type;
    }

    private static List<String> mappedPaths(String prefix, JsonNode properties) {
        List<String> paths = new ArrayList<>();
        properties.properties().forEach(entry -> {
            JsonNode nested = entry.getValue().path("properties");
            if (nested.isObject()) {
                paths.addAll(mappedPaths(prefix + entry.getKey() + ".", nested));
            }
            else {
                paths.add(prefix + entry.getKey());
            }
        });
        return paths;
    }
}
