package parkworld.pipeline.indexer.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueRef;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.FixtureIssue;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.bulk.ArticleDocument;
import parkworld.pipeline.indexer.mapping.TestIndexes;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each panel of the dashboard 园区周报 answers, on a real Elasticsearch set up with the shipped mapping and
 * holding, as the indexer writes them, the fixture issue 121, four generated issues around it and one generated issue
 * of 2017 that the dashboard's time range leaves out. Each panel's query is derived from its saved object
 * ({@link LensQuery} for the Lens charts; the map layer's and the saved search's own fields, sort and query), under
 * the dashboard's time range evaluated at a fixed "now" (31 December 2023), and its answer is compared with what the
 * events say, computed here without Elasticsearch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KibanaDashboardIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALIAS = "it-" + RUN + "-kibana-articles";
    static final String INDEX = ALIAS + "-v2";
    /** "now" for the dashboard's relative time range. */
    static final String NOW = "2023-12-31";

    static final List<String> SECTIONS = List.of("招商引资", "综合资讯", "政策法规");
    static final List<ArticleExtracted.Place> PLACES = List.of(FixtureIssue.place("江苏省", "CN-JS", "南京市", 32.06, 118.80),
            FixtureIssue.place("广东省", "CN-GD", "广州市", 23.13, 113.26), FixtureIssue.place("浙江省", "CN-ZJ", "杭州市", 30.27, 120.16),
            FixtureIssue.place("四川省", "CN-SC", "成都市", 30.66, 104.07), FixtureIssue.place("江苏省", "CN-JS", "无锡市", 31.49, 120.31));
    static final List<String> ORGANIZATIONS = List.of("宁德时代", "比亚迪", "中芯国际", "隆基绿能");
    static final List<String> EVENT_TYPES = List.of("signing", "groundbreaking", "opening");
    static final List<String> INDUSTRIES = List.of("new-energy", "semiconductors", "biomedicine", "equipment-manufacturing");

    RestClient elasticsearch;
    /** Every article indexed, and those inside the dashboard's time range. */
    List<ArticleExtracted> all;
    List<ArticleExtracted> inRange;
    JsonNode dashboard;

    @BeforeAll
    void indexTheFixtureAndGeneratedIssues() throws IOException {
        this.elasticsearch = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(this.elasticsearch,
                new Jackson3JsonpMapper()));
        TestIndexes.createWithShippedMapping(client, INDEX, ALIAS);
        this.all = new ArrayList<>(FixtureIssue.articles());
        this.all.addAll(generatedIssue(119, LocalDate.of(2023, 5, 16), 6));
        this.all.addAll(generatedIssue(120, LocalDate.of(2023, 5, 23), 7));
        this.all.addAll(generatedIssue(122, LocalDate.of(2023, 6, 6), 5));
        this.all.addAll(generatedIssue(123, LocalDate.of(2023, 7, 4), 8));
        this.all.addAll(generatedIssue(1, LocalDate.of(2017, 1, 10), 4));
        new ArticleBulkWriter(client::bulk, INDEX, BulkProperties.defaults(),
                new SimpleMeterRegistry())
            .write(this.all.stream().map(ArticleDocument::of).toList());
        this.elasticsearch.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));
        this.inRange = this.all.stream().filter(a -> a.issue().date().getYear() >= 2018).toList();
        this.dashboard = SavedObjects.byId("dashboard-parkworld-weekly");
    }

    @AfterAll
    void cleanUp() throws IOException {
        this.elasticsearch.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
        Request template = new Request("DELETE", "/_index_template/" + INDEX);
        template.addParameter("ignore", "404");
        this.elasticsearch.performRequest(template);
        this.elasticsearch.close();
    }

    @Test
    void articlesPerIssueBySectionAreTheIssuesArticleCounts() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-articles-per-issue-by-section", null);
        Map<String, Long> answered = new TreeMap<>();
        rows.forEach(row -> answered.put(row.get("col-issue") + " " + row.get("col-section"), (Long) row.get("col-count")));

        Map<String, Long> expected = this.inRange.stream().collect(Collectors.groupingBy(
                a -> a.issue().serial() + " " + a.section(), TreeMap::new, Collectors.counting()));
        assertThat(answered).isEqualTo(expected);
        Map<String, Long> fixture = new TreeMap<>();
        FixtureIssue.expected().path("articles")
            .forEach(article -> fixture.merge("121 " + article.path("section").asString(), 1L, Long::sum));
        assertThat(answered).as("issue 121 as the fixture's sections say").containsAllEntriesOf(fixture)
            .containsEntry("121 招商引资", 26L).containsEntry("121 综合资讯", 12L).containsEntry("121 政策法规", 5L);
        assertThat(answered.keySet()).as("the 2017 issue is outside the dashboard's time range")
            .noneMatch(key -> key.startsWith("1 "));
    }

    @Test
    void investmentByProvinceSumsEachArticlesInvestmentOnceUnderItsPrimaryProvince() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-investment-by-province", null);
        Map<String, Double> answered = new TreeMap<>();
        rows.forEach(row -> answered.put((String) row.get("col-province"), (Double) row.get("col-investment")));

        Map<String, Double> expected = investmentByPrimaryProvince(this.inRange);
        assertThat(answered.keySet()).isEqualTo(expected.keySet());
        expected.forEach((province, sum) -> assertThat(answered.get(province)).as(province).isCloseTo(sum, within(1.0)));
        List<Double> inOrder = rows.stream().map(row -> (Double) row.get("col-investment")).toList();
        assertThat(inOrder).as("largest first").isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void investmentOfJiangsuInIssue121IsTheSumOfItsArticlesInvestmentInYuan() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-investment-by-province", term("issue.serial", 121));
        Map<String, Double> answered = new TreeMap<>();
        rows.forEach(row -> answered.put((String) row.get("col-province"), (Double) row.get("col-investment")));

        double jiangsu = FixtureIssue.articles().stream()
            .filter(a -> !a.places().isEmpty() && a.places().get(0).province().equals("江苏省") && a.investment() != null)
            .mapToDouble(a -> a.investment().valueCny().doubleValue()).sum();
        // Article 9: 1亿美元 = 704,670,000 yuan; article 25: 3.5亿元.
        assertThat(answered.get("江苏省")).isEqualTo(jiangsu).isEqualTo(704_670_000d + 350_000_000d);
        // Articles 1, 6 (the total, not its parts) and 21; article 17 (合肥 first) is Anhui's.
        assertThat(answered.get("广东省")).isEqualTo(404_280_000_000d);
        assertThat(answered.get("安徽省")).isEqualTo(1_500_000_000d);
    }

    @Test
    void topIndustriesCountArticlesPerIndustryMostFirst() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-top-industries", null);

        Map<String, Long> expected = countEach(this.inRange, ArticleExtracted::industries);
        assertThat(rows).extracting(row -> (String) row.get("col-industry"))
            .containsExactlyInAnyOrderElementsOf(expected.keySet());
        rows.forEach(row -> assertThat(row.get("col-count")).as("%s", row.get("col-industry"))
            .isEqualTo(expected.get((String) row.get("col-industry"))));
        assertThat(rows).extracting(row -> (Long) row.get("col-count")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void topOrganizationsCountTheArticlesNamingThem() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-top-organizations", null);
        Map<String, Long> answered = new TreeMap<>();
        rows.forEach(row -> answered.put((String) row.get("col-organization"), (Long) row.get("col-count")));

        Map<String, Long> expected = countEach(this.inRange,
                a -> a.organizations() == null ? List.of() : a.organizations().stream().map(o -> o.name()).distinct().toList());
        assertThat(answered).isEqualTo(expected);
        assertThat(answered.get("测试企业")).as("the eight enriched articles of issue 121").isEqualTo(8L);
        assertThat(rows).extracting(row -> (Long) row.get("col-count")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void eventTypesOverTimeCountArticlesPerMonthOfIssueDateAndEventType() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-event-types-over-time", null);
        Map<String, Long> answered = new TreeMap<>();
        rows.forEach(row -> answered.put(row.get("col-month") + " " + row.get("col-event-type"), (Long) row.get("col-count")));

        Map<String, Long> expected = this.inRange.stream().filter(a -> a.eventType() != null).collect(Collectors
            .groupingBy(a -> month(a) + " " + a.eventType(), TreeMap::new, Collectors.counting()));
        assertThat(answered).isEqualTo(expected).containsKey("2023-05-01 signing");
    }

    @Test
    void investmentOverTimeSumsInvestmentPerMonthOfIssueDate() throws IOException {
        List<Map<String, Object>> rows = runLens("lens-investment-over-time", null);
        Map<String, Double> answered = new TreeMap<>();
        rows.forEach(row -> answered.put((String) row.get("col-month"), (Double) row.get("col-investment")));

        Map<String, Double> expected = new TreeMap<>();
        this.inRange.forEach(a -> expected.merge(month(a), a.investment() == null ? 0d
                : a.investment().valueCny().doubleValue(), Double::sum));
        assertThat(answered.keySet()).isEqualTo(expected.keySet());
        expected.forEach((month, sum) -> assertThat(answered.get(month)).as(month).isCloseTo(sum, within(1.0)));
    }

    @Test
    void theMapPutsEveryArticleWithAPlaceAtItsPrimaryLocation() throws IOException {
        JsonNode map = SavedObjects.byId("map-article-locations");
        JsonNode source = SavedObjects.parsed(map.path("attributes").path("layerListJSON")).get(0).path("sourceDescriptor");
        String geoField = source.path("geoField").asString();
        ObjectNode body = searchBody(null);
        ((ArrayNode) body.path("query").path("bool").path("filter")).addObject().putObject("exists").put("field", geoField);
        body.put("size", 10000);
        body.putArray("sort").addObject().put(source.path("sortField").asString(), source.path("sortOrder").asString());
        ArrayNode fields = body.putArray("fields");
        fields.add(geoField);
        source.path("tooltipProperties").forEach(fields::add);
        body.put("_source", false);

        JsonNode hits = search(body).path("hits").path("hits");
        Map<String, ArticleExtracted> byId = this.all.stream()
            .collect(Collectors.toMap(ArticleExtracted::articleId, Function.identity()));
        assertThat(hits.size()).isEqualTo((int) this.inRange.stream()
            .filter(a -> !a.places().isEmpty() && a.places().get(0).location() != null).count());
        for (JsonNode hit : hits) {
            ArticleExtracted.Place primary = byId.get(hit.path("_id").asString()).places().get(0);
            JsonNode point = hit.path("fields").path(geoField).get(0).path("coordinates");
            assertThat(point.get(0).asDouble()).as("longitude").isCloseTo(primary.location().lon(), within(1e-6));
            assertThat(point.get(1).asDouble()).as("latitude").isCloseTo(primary.location().lat(), within(1e-6));
            assertThat(hit.path("fields").path("province").get(0).asString()).isEqualTo(primary.province());
        }
    }

    @Test
    void theLatestArticlesAreTheNewestIssuesInPrintedOrderWithTheirPdfLink() throws IOException {
        JsonNode attributes = SavedObjects.byId("search-latest-articles").path("attributes");
        ObjectNode body = searchBody(null);
        body.put("size", 10);
        ArrayNode sort = body.putArray("sort");
        attributes.path("sort").forEach(s -> sort.addObject().put(s.get(0).asString(), s.get(1).asString()));
        ArrayNode fields = body.putArray("fields");
        attributes.path("columns").forEach(fields::add);
        body.put("_source", false);

        JsonNode hits = search(body).path("hits").path("hits");
        List<ArticleExtracted> expected = this.inRange.stream().filter(a -> a.issue().serial() == 123)
            .sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal())).toList();
        assertThat(hits.size()).isEqualTo(10);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode hit = hits.get(i);
            assertThat(hit.path("_id").asString()).isEqualTo(expected.get(i).articleId());
            assertThat(hit.path("fields").path("issue.sourceUrl").get(0).asString())
                .isEqualTo(expected.get(i).issue().sourceUrl()).endsWith("issue-123.pdf");
            assertThat(hit.path("fields").path("title").get(0).asString()).isEqualTo(expected.get(i).title());
        }
        assertThat(hits.get(expected.size()).path("fields").path("issue.serial").get(0).asInt())
            .as("then the issue before").isEqualTo(122);
    }

    // --- the panels' queries

    List<Map<String, Object>> runLens(String id, ObjectNode filter) throws IOException {
        LensQuery query = LensQuery.of(SavedObjects.byId(id));
        ObjectNode body = query.addAggregations(searchBody(filter));
        body.put("size", 0);
        return query.rows(search(body));
    }

    /** A search body filtered to the dashboard's time range on the data view's time field, at {@link #NOW}. */
    ObjectNode searchBody(ObjectNode filter) {
        JsonNode attributes = this.dashboard.path("attributes");
        assertThat(attributes.path("timeRestore").asBoolean()).as("the dashboard brings its time range").isTrue();
        String timeField = SavedObjects.byId(KibanaSavedObjectsTests.DATA_VIEW).path("attributes").path("timeFieldName")
            .asString();
        ObjectNode body = SavedObjects.JSON.createObjectNode();
        ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
        filters.addObject().putObject("range").putObject(timeField)
            .put("gte", atNow(attributes.path("timeFrom").asString()))
            .put("lte", atNow(attributes.path("timeTo").asString()));
        if (filter != null) {
            filters.add(filter);
        }
        return body;
    }

    static String atNow(String relative) {
        if (relative.equals("now")) {
            return NOW;
        }
        assertThat(relative).as("a relative time").startsWith("now");
        return NOW + "||" + relative.substring(3);
    }

    static ObjectNode term(String field, Object value) {
        ObjectNode term = SavedObjects.JSON.createObjectNode();
        term.putObject("term").put(field, value.toString());
        return term;
    }

    JsonNode search(ObjectNode body) throws IOException {
        Request request = new Request("POST", "/" + ALIAS + "/_search");
        request.setJsonEntity(SavedObjects.JSON.writeValueAsString(body));
        return SavedObjects.JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(request).getEntity(),
                StandardCharsets.UTF_8));
    }

    // --- what the events say

    static Map<String, Double> investmentByPrimaryProvince(List<ArticleExtracted> articles) {
        Map<String, Double> sums = new TreeMap<>();
        articles.stream().filter(a -> !a.places().isEmpty() && a.investment() != null)
            .forEach(a -> sums.merge(a.places().get(0).province(), a.investment().valueCny().doubleValue(), Double::sum));
        return sums;
    }

    static Map<String, Long> countEach(List<ArticleExtracted> articles, Function<ArticleExtracted, List<String>> values) {
        Map<String, Long> counts = new TreeMap<>();
        articles.forEach(a -> (values.apply(a) == null ? List.<String>of() : values.apply(a)).stream().distinct()
            .forEach(v -> counts.merge(v, 1L, Long::sum)));
        return counts;
    }

    static String month(ArticleExtracted article) {
        return article.issue().date().withDayOfMonth(1).toString();
    }

    /** A generated issue of {@code count} articles with places, investments, organizations, event types. */
    static List<ArticleExtracted> generatedIssue(int serial, LocalDate date, int count) {
        IssueRef issue = new IssueRef(serial, date.getYear(), date.getMonthValue(), (date.getDayOfMonth() + 6) / 7,
                String.format(Locale.ROOT, "园区周报 %d年%d月%d期 (总%d期)", date.getYear(), date.getMonthValue(),
                        (date.getDayOfMonth() + 6) / 7, serial),
                "https://www.parkworld.net/uploads/issue-" + serial + ".pdf", "%064x".formatted(serial), date);
        Instant parsedAt = date.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<ArticleExtracted> articles = new ArrayList<>();
        for (int ordinal = 1; ordinal <= count; ordinal++) {
            int k = serial + ordinal;
            ArticleExtracted.Place place = PLACES.get(k % PLACES.size());
            List<ArticleExtracted.Place> places = ordinal % 4 == 0 ? List.of()
                    : ordinal % 3 == 0 ? List.of(place, PLACES.get((k + 1) % PLACES.size())) : List.of(place);
            ArticleExtracted.Investment investment = ordinal % 2 == 0 ? null
                    : FixtureIssue.yuan(new BigDecimal(k).multiply(new BigDecimal("100000000")).toPlainString(), k + "亿元");
            List<ArticleExtracted.Organization> organizations = ordinal % 5 == 0 ? List.of()
                    : List.of(new ArticleExtracted.Organization(ORGANIZATIONS.get(k % ORGANIZATIONS.size()), "investor"),
                            new ArticleExtracted.Organization(ORGANIZATIONS.get(ordinal % ORGANIZATIONS.size()), "partner"));
            String title = String.format(Locale.ROOT, "第%d期第%d篇：%s项目签约", serial, ordinal, place.city());
            articles.add(new ArticleExtracted(1, String.format(Locale.ROOT, "%d-%012x", serial, ordinal), issue, ordinal,
                    SECTIONS.get(ordinal % SECTIONS.size()), title, title + "。", "正文。", "政府网站", ordinal,
                    List.of(date.minusDays(3)), List.of(), places, List.of(INDUSTRIES.get(k % INDUSTRIES.size())),
                    "0.2.0", parsedAt, organizations, ordinal % 6 == 0 ? null : EVENT_TYPES.get(k % EVENT_TYPES.size()),
                    investment));
        }
        return articles;
    }
}
