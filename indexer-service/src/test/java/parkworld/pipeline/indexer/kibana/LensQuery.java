package parkworld.pipeline.indexer.kibana;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Elasticsearch aggregation a Lens visualization's (form-based, one layer) state runs, derived from the saved
 * object itself so that the panel and its test cannot drift apart: bucket columns nest in {@code columnOrder} (the
 * first outermost), metric columns sit under every bucket level (as Lens's esaggs puts an ordering metric under the
 * terms it orders), {@code terms} ordered as the column says ({@code alphabetical} = by key, a count column = by doc
 * count, another metric column = by that metric), {@code date_histogram} on a calendar interval. An operation this
 * class does not know fails the test rather than being guessed.
 *
 * @param id      the Lens object's id
 * @param buckets the bucket columns, outermost first
 * @param metrics the metric columns
 */
record LensQuery(String id, List<Column> buckets, List<Column> metrics) {

    /**
     * @param id            the column id
     * @param operationType Lens's operation ({@code terms}, {@code date_histogram}, {@code count}, {@code sum})
     * @param sourceField   the field ({@code ___records___} for a count)
     * @param params        the column's params
     */
    record Column(String id, String operationType, String sourceField, JsonNode params) {
    }

    /**
     * @param lens a saved object of type lens
     * @return its query
     */
    static LensQuery of(JsonNode lens) {
        JsonNode layers = lens.path("attributes").path("state").path("datasourceStates").path("formBased")
            .path("layers");
        if (layers.size() != 1) {
            throw new AssertionError(lens.path("id").asString() + ": one form-based layer expected, not " + layers.size());
        }
        JsonNode layer = layers.properties().iterator().next().getValue();
        List<Column> buckets = new ArrayList<>();
        List<Column> metrics = new ArrayList<>();
        for (JsonNode columnId : layer.path("columnOrder")) {
            JsonNode column = layer.path("columns").path(columnId.asString());
            Column c = new Column(columnId.asString(), column.path("operationType").asString(),
                    column.path("sourceField").asString(), column.path("params"));
            (column.path("isBucketed").asBoolean() ? buckets : metrics).add(c);
        }
        return new LensQuery(lens.path("id").asString(), buckets, metrics);
    }

    /** @return every field the query reads, bucketed or aggregated */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        buckets.forEach(c -> fields.add(c.sourceField()));
        metrics.stream().filter(c -> !c.operationType().equals("count")).forEach(c -> fields.add(c.sourceField()));
        return fields;
    }

    /**
     * @param body the search body to add the aggregations to (size, query are the caller's)
     * @return body, with the aggregation of the outermost bucket column
     */
    ObjectNode addAggregations(ObjectNode body) {
        ObjectNode aggs = body.putObject("aggs");
        for (Column bucket : this.buckets) {
            ObjectNode agg = aggs.putObject(bucket.id());
            bucketAggregation(bucket, agg);
            addMetrics(agg.putObject("aggs"));
            aggs = (ObjectNode) agg.path("aggs");
        }
        return body;
    }

    private void addMetrics(ObjectNode aggs) {
        for (Column metric : this.metrics) {
            switch (metric.operationType()) {
                case "count" -> {
                    // doc_count of the bucket
                }
                case "sum" -> aggs.putObject(metric.id()).putObject("sum").put("field", metric.sourceField());
                default -> throw new AssertionError(this.id + ": metric " + metric.operationType() + " not translated");
            }
        }
    }

    private void bucketAggregation(Column bucket, ObjectNode agg) {
        JsonNode params = bucket.params();
        switch (bucket.operationType()) {
            case "terms" -> {
                ObjectNode terms = agg.putObject("terms");
                terms.put("field", bucket.sourceField()).put("size", params.path("size").asInt());
                String direction = params.path("orderDirection").asString();
                JsonNode orderBy = params.path("orderBy");
                String key = switch (orderBy.path("type").asString()) {
                    case "alphabetical" -> "_key";
                    case "column" -> metric(orderBy.path("columnId").asString()).operationType().equals("count")
                            ? "_count" : orderBy.path("columnId").asString();
                    default -> throw new AssertionError(this.id + ": terms order " + orderBy + " not translated");
                };
                terms.putObject("order").put(key, direction);
                if (params.path("otherBucket").asBoolean() || params.path("missingBucket").asBoolean()) {
                    throw new AssertionError(this.id + ": other/missing buckets not translated");
                }
            }
            case "date_histogram" -> {
                String interval = params.path("interval").asString();
                ObjectNode histogram = agg.putObject("date_histogram");
                histogram.put("field", bucket.sourceField()).put("calendar_interval", switch (interval) {
                    case "d" -> "1d";
                    case "w" -> "1w";
                    case "M" -> "1M";
                    case "y" -> "1y";
                    default -> throw new AssertionError(this.id + ": interval " + interval + " not translated");
                }).put("format", "yyyy-MM-dd").put("min_doc_count", params.path("includeEmptyRows").asBoolean() ? 0 : 1);
            }
            default -> throw new AssertionError(this.id + ": bucket " + bucket.operationType() + " not translated");
        }
    }

    private Column metric(String id) {
        return this.metrics.stream().filter(m -> m.id().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError(this.id + ": orders by unknown column " + id));
    }

    /**
     * @param response the search response
     * @return its rows as Lens tabulates them: one per innermost bucket, bucket keys and metric values by column id
     */
    List<Map<String, Object>> rows(JsonNode response) {
        List<Map<String, Object>> rows = new ArrayList<>();
        collect(response.path("aggregations"), 0, new LinkedHashMap<>(), rows);
        return rows;
    }

    private void collect(JsonNode aggs, int level, Map<String, Object> keys, List<Map<String, Object>> rows) {
        Column bucketColumn = this.buckets.get(level);
        for (JsonNode bucket : aggs.path(bucketColumn.id()).path("buckets")) {
            Map<String, Object> row = new LinkedHashMap<>(keys);
            row.put(bucketColumn.id(), bucket.has("key_as_string") ? bucket.path("key_as_string").asString()
                    : bucket.path("key").isNumber() ? (Object) bucket.path("key").asLong() : bucket.path("key").asString());
            if (level + 1 < this.buckets.size()) {
                collect(bucket, level + 1, row, rows);
                continue;
            }
            for (Column metric : this.metrics) {
                row.put(metric.id(), metric.operationType().equals("count") ? (Object) bucket.path("doc_count").asLong()
                        : (Object) bucket.path(metric.id()).path("value").asDouble());
            }
            rows.add(row);
        }
    }
}
