package parkworld.pipeline.indexer.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The shipped Kibana saved objects, checked without Kibana: they parse as Kibana's import reads them (one object a
 * line), every reference resolves to an object of the file, the data view is on the alias the indexer configures with
 * {@code issue.date} as time field, and every field a panel uses is in the shipped mapping with a type it can
 * aggregate.
 */
class KibanaSavedObjectsTests {

    static final Set<String> AGGREGATABLE = Set.of("keyword", "date", "integer", "long", "short", "byte", "double",
            "float", "scaled_float", "boolean");
    static final Set<String> NUMERIC = Set.of("integer", "long", "short", "byte", "double", "float", "scaled_float");
    static final String DATA_VIEW = "parkworld-articles-data-view";

    static Stream<JsonNode> lensObjects() {
        return SavedObjects.all().stream().filter(o -> o.path("type").asString().equals("lens"));
    }

    @Test
    void everyLineIsAnObjectWithAUniqueIdAndTheMigrationVersionsOfAnExport() {
        List<JsonNode> objects = SavedObjects.all();
        Set<String> ids = new HashSet<>();
        for (JsonNode object : objects) {
            assertThat(ids.add(object.path("type").asString() + "/" + object.path("id").asString()))
                .as("unique id %s", object.path("id")).isTrue();
            assertThat(object.path("attributes").isObject()).as("attributes of %s", object.path("id")).isTrue();
            assertThat(object.path("references").isArray()).as("references of %s", object.path("id")).isTrue();
            assertThat(object.path("coreMigrationVersion").asString()).isEqualTo("8.8.0");
            assertThat(object.path("typeMigrationVersion").asString()).as("typeMigrationVersion of %s", object.path("id"))
                .isEqualTo(switch (object.path("type").asString()) {
                    case "index-pattern" -> "8.0.0";
                    case "lens" -> "8.9.0";
                    case "map" -> "8.4.0";
                    case "search" -> "10.5.0";
                    case "dashboard" -> "10.2.0";
                    default -> throw new AssertionError("unexpected type " + object.path("type"));
                });
        }
        assertThat(objects).extracting(o -> o.path("type").asString())
            .containsExactlyInAnyOrder("index-pattern", "lens", "lens", "lens", "lens", "lens", "lens", "map", "search",
                    "dashboard");
    }

    @Test
    void everyReferenceResolvesToAnObjectOfTheFileOfItsType() {
        List<JsonNode> objects = SavedObjects.all();
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(objects).as("%s references %s", object.path("id"), reference)
                    .anySatisfy(target -> {
                        assertThat(target.path("id").asString()).isEqualTo(reference.path("id").asString());
                        assertThat(target.path("type").asString()).isEqualTo(reference.path("type").asString());
                    });
            }
        }
    }

    @Test
    void theDataViewIsOnTheAliasTheIndexerConfiguresWithIssueDateAsTimeField() {
        JsonNode dataView = SavedObjects.byId(DATA_VIEW).path("attributes");
        Map<String, String> mapping = SavedObjects.mappedFields();

        assertThat(dataView.path("title").asString()).isEqualTo(SavedObjects.configuredAlias());
        assertThat(dataView.path("timeFieldName").asString()).isEqualTo("issue.date");
        assertThat(mapping).containsEntry("issue.date", "date");
        JsonNode formats = SavedObjects.parsed(dataView.path("fieldFormatMap"));
        formats.propertyNames().forEach(field -> assertThat(mapping).as("formatted field").containsKey(field));
        assertThat(formats.path("issue.sourceUrl").path("id").asString()).as("the PDF link is a URL format")
            .isEqualTo("url");
        // {{value}} would be the URI-escaped URL (https%3A%2F%2F...), not a link.
        assertThat(formats.path("issue.sourceUrl").path("params").path("urlTemplate").asString())
            .as("the link is the URL as stored").isEqualTo("{{rawValue}}");
        SavedObjects.parsed(dataView.path("fieldAttrs")).propertyNames()
            .forEach(field -> assertThat(mapping).as("labelled field").containsKey(field));
    }

    @Test
    void theDashboardShowsEveryPanelByReference() {
        JsonNode dashboard = SavedObjects.byId("dashboard-parkworld-weekly");
        JsonNode panels = SavedObjects.parsed(dashboard.path("attributes").path("panelsJSON"));
        List<String> shown = new ArrayList<>();
        for (JsonNode panel : panels) {
            String name = panel.path("panelIndex").asString() + ":" + panel.path("panelRefName").asString();
            JsonNode reference = find(dashboard.path("references"), name);
            assertThat(reference.path("type").asString()).as("panel %s", name).isEqualTo(panel.path("type").asString());
            assertThat(panel.path("gridData").path("i").asString()).isEqualTo(panel.path("panelIndex").asString());
            shown.add(reference.path("id").asString());
        }

        assertThat(dashboard.path("attributes").path("title").asString()).isEqualTo("园区周报");
        assertThat(shown).as("every visualization, the map and the search are on the dashboard")
            .containsExactlyInAnyOrderElementsOf(SavedObjects.all().stream()
                .filter(o -> Set.of("lens", "map", "search").contains(o.path("type").asString()))
                .map(o -> o.path("id").asString()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lensIds")
    void aLensLayerReadsTheDataViewAndAggregatesMappedFieldsOfAnAggregatableType(String id) {
        JsonNode lens = SavedObjects.byId(id);
        LensQuery query = LensQuery.of(lens);
        Map<String, String> mapping = SavedObjects.mappedFields();

        lens.path("attributes").path("state").path("datasourceStates").path("formBased").path("layers").propertyNames()
            .forEach(layer -> assertThat(find(lens.path("references"), "indexpattern-datasource-layer-" + layer)
                .path("id").asString()).isEqualTo(DATA_VIEW));
        for (LensQuery.Column bucket : query.buckets()) {
            assertThat(mapping.get(bucket.sourceField())).as("%s buckets %s", id, bucket.sourceField())
                .isIn(bucket.operationType().equals("date_histogram") ? Set.of("date") : AGGREGATABLE);
        }
        query.metrics().stream().filter(m -> !m.operationType().equals("count")).forEach(metric ->
            assertThat(mapping.get(metric.sourceField())).as("%s sums %s", id, metric.sourceField()).isIn(NUMERIC));
        assertThat(query.buckets()).as("every chart buckets something").isNotEmpty();
        assertThat(query.metrics()).isNotEmpty();
    }

    @Test
    void theMapHasOnlyAPointLayerOnThePrimaryLocationAndNoElasticMapsServiceLayer() {
        JsonNode map = SavedObjects.byId("map-article-locations");
        JsonNode layers = SavedObjects.parsed(map.path("attributes").path("layerListJSON"));
        Map<String, String> mapping = SavedObjects.mappedFields();

        assertThat(layers).hasSize(1);
        JsonNode source = layers.get(0).path("sourceDescriptor");
        assertThat(source.path("type").asString()).as("documents of the data view, no EMS_TMS/EMS_FILE basemap")
            .isEqualTo("ES_SEARCH");
        assertThat(mapping.get(source.path("geoField").asString())).isEqualTo("geo_point");
        assertThat(source.path("geoField").asString()).isEqualTo("location");
        assertThat(find(map.path("references"), source.path("indexPatternRefName").asString()).path("id").asString())
            .isEqualTo(DATA_VIEW);
        source.path("tooltipProperties").forEach(field -> assertThat(mapping).containsKey(field.asString()));
        assertThat(mapping.get(source.path("sortField").asString())).isIn(AGGREGATABLE);
        String sizeField = layers.get(0).path("style").path("properties").path("iconSize").path("options").path("field")
            .path("name").asString();
        assertThat(mapping.get(sizeField)).as("point size field").isIn(NUMERIC);
    }

    @Test
    void theLatestArticlesSearchShowsMappedColumnsSortedBySortableFields() {
        JsonNode search = SavedObjects.byId("search-latest-articles");
        JsonNode attributes = search.path("attributes");
        Map<String, String> mapping = SavedObjects.mappedFields();

        JsonNode source = SavedObjects.parsed(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON"));
        assertThat(find(search.path("references"), source.path("indexRefName").asString()).path("id").asString())
            .isEqualTo(DATA_VIEW);
        attributes.path("columns").forEach(column -> assertThat(mapping).containsKey(column.asString()));
        assertThat(attributes.path("columns")).extracting(JsonNode::asString).contains("title", "issue.sourceUrl");
        attributes.path("sort").forEach(sort -> assertThat(mapping.get(sort.get(0).asString())).isIn(AGGREGATABLE));
        assertThat(attributes.path("sort").get(0).get(0).asString()).isEqualTo("issue.date");
    }

    static Stream<String> lensIds() {
        return lensObjects().map(o -> o.path("id").asString());
    }

    static JsonNode find(JsonNode references, String name) {
        for (JsonNode reference : references) {
            if (reference.path("name").asString().equals(name)) {
                return reference;
            }
        }
        throw new AssertionError("no reference named " + name + " in " + references);
    }
}
