package parkworld.pipeline.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueRef;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.FixtureIssue;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.bulk.ArticleDocument;
import parkworld.pipeline.localstack.SuggestedSearch;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an analyst gets from the index, on a real Elasticsearch (the test cluster: no analysis plugin) set up with the
 * shipped mapping and the default text analysis, holding the 43 articles of the fixture issue as the indexer writes
 * them. The articles are built from the fixture's expected structure (the indexer does not depend on the parser),
 * a few of them with the places, investment, organizations and event type the parser fills since contract 0.2.0.
 * <p>
 * Search quality is measured for every word of {@code search-quality/issue-121-queries.tsv} (hand-checked expected
 * articles) and for each way a user searches: the run command's suggested search ({@link SuggestedSearch}, a URI
 * search {@code q=WORD}) and a Kibana query bar, in KQL (a bare word becomes a {@code multi_match} of type
 * {@code best_fields} without fields) and in Lucene syntax (a {@code query_string} without fields); all three rely on
 * the mapping's {@code index.query.default_field}. The measured table is printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALIAS = "it-" + RUN + "-quality-articles";
    static final String INDEX = ALIAS + "-v2";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final double MIN_PRECISION = 0.95;

    // The fixture issue as the indexer gets it: parkworld.pipeline.indexer.FixtureIssue.

    /** What each search returned, per word and search kind, for the table printed at the end. */
    static final Map<String, Map<String, Measure>> MEASURED = new TreeMap<>();

    RestClient elasticsearch;
    ElasticsearchClient client;
    List<ArticleExtracted> articles;

    @BeforeAll
    void indexTheFixtureIssue() throws IOException {
        this.elasticsearch = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
        this.client = new ElasticsearchClient(new RestClientTransport(this.elasticsearch, new Jackson3JsonpMapper()));
        new ArticleIndexSetup(this.client, ArticleIndexMapping.v2(TextAnalysis.SUBSTRINGS), INDEX, ALIAS).ensureReady();
        this.articles = FixtureIssue.articles();
        new ArticleBulkWriter(this.client::bulk, INDEX,
                BulkProperties.defaults(), new SimpleMeterRegistry())
            .write(this.articles.stream().map(ArticleDocument::of).toList());
        this.elasticsearch.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));
    }

    @AfterAll
    void printTheMeasuredTableAndCleanUp() throws IOException {
        StringBuilder table = new StringBuilder("\n| word | expected | suggested search (q=) | KQL query bar | Lucene query bar |\n"
                + "|---|---|---|---|---|\n");
        queries().forEach(query -> {
            Map<String, Measure> measured = MEASURED.getOrDefault(query.word(), Map.of());
            table.append("| ").append(query.word()).append(" | ").append(query.expected().size());
            for (String kind : List.of("q", "kql", "lucene")) {
                Measure measure = measured.get(kind);
                table.append(" | ").append(measure == null ? "not run" : measure.describe());
            }
            table.append(" |\n");
        });
        System.out.println(table);
        this.elasticsearch.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
        Request template = new Request("DELETE", "/_index_template/" + INDEX);
        template.addParameter("ignore", "404");
        this.elasticsearch.performRequest(template);
        this.elasticsearch.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void theRunCommandsSuggestedSearchFindsTheArticlesAboutTheWord(Query query) throws IOException {
        Request request = new Request("GET", "/" + ALIAS + "/_search");
        SuggestedSearch.parameters(query.word()).forEach(request::addParameter);
        // The printed command shows the first 10 hits; all of them are measured here.
        request.addParameter("size", "100");

        assertFindsExactly(query, "q", ordinals(perform(request)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void aKibanaKqlQueryBarSearchFindsTheArticlesAboutTheWord(Query query) throws IOException {
        // What Kibana sends for a bare word in KQL: no fields, so the index's default fields.
        ObjectNode multiMatch = JSON.createObjectNode();
        multiMatch.put("type", "best_fields").put("query", query.word()).put("lenient", true);

        assertFindsExactly(query, "kql", ordinals(search("multi_match", multiMatch)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void aKibanaLuceneQueryBarSearchFindsTheArticlesAboutTheWord(Query query) throws IOException {
        // What Kibana sends in Lucene syntax with its default query:queryString:options.
        ObjectNode queryString = JSON.createObjectNode();
        queryString.put("query", query.word()).put("analyze_wildcard", true);

        assertFindsExactly(query, "lucene", ordinals(search("query_string", queryString)));
    }

    @Test
    void matchesLatinWordsWholeAndCaseSensitivelyWithLettersWrittenAgainstDigitsAsOneWord() throws IOException {
        // The standard tokenizer keeps 36GWh (article 10) as one token and no filter lowercases: the README's limits.
        assertThat(suggestedSearch("Qualcomm")).as("Qualcomm (article 5)").containsExactly(5);
        assertThat(suggestedSearch("qualcomm")).as("qualcomm: another case").isEmpty();
        assertThat(suggestedSearch("36GWh")).as("36GWh (article 10)").containsExactly(10);
        assertThat(suggestedSearch("GWh")).as("GWh: part of the word 36GWh").isEmpty();
    }

    @Test
    void findsArticlesPlacedInAProvinceByItsFieldWhileABareWordSearchesTheText() throws IOException {
        Set<Integer> writingIt = new TreeSet<>();
        this.articles.stream()
            .filter(article -> (article.title() + article.lead() + article.body()).contains("江苏省"))
            .forEach(article -> writingIt.add(article.ordinal()));
        assertThat(writingIt).as("the fixture writes 江苏省 in article 38 only").containsExactly(38);

        assertThat(suggestedSearch("江苏省")).as("bare word: the text").isEqualTo(writingIt);
        assertThat(suggestedSearch("provinces:江苏省")).as("the field: articles placed in Jiangsu (9, 25)")
            .containsExactly(9, 25);
        assertThat(suggestedSearch("organizations.name:测试企业")).as("the organizations field")
            .containsExactlyElementsOf(new TreeSet<>(FixtureIssue.ENRICHED.keySet()));
    }

    @Test
    void countsArticlesPerSectionWithATermsAggregation() throws IOException {
        JsonNode buckets = aggregate("{\"terms\":{\"field\":\"section\"}}").path("buckets");

        assertThat(counts(buckets)).containsExactlyInAnyOrderEntriesOf(
                Map.of("招商引资", 26L, "综合资讯", 12L, "政策法规", 5L));
    }

    @Test
    void putsArticlesOnATimeAxisByIssueDate() throws IOException {
        JsonNode buckets = aggregate("{\"date_histogram\":{\"field\":\"issue.date\",\"calendar_interval\":\"day\","
                + "\"format\":\"yyyy-MM-dd\"}}").path("buckets");

        assertThat(counts(buckets)).containsExactly(Map.entry("2023-05-30", 43L));
    }

    @Test
    void sumsInvestmentByProvinceCountingEachArticlesInvestmentOnceUnderItsPrimaryProvince() throws IOException {
        JsonNode buckets = aggregate("{\"terms\":{\"field\":\"province\"},"
                + "\"aggs\":{\"investment\":{\"sum\":{\"field\":\"investmentCny\"}}}}").path("buckets");
        Map<String, Double> sums = new TreeMap<>();
        buckets.forEach(bucket -> sums.put(bucket.path("key").asString(),
                bucket.path("investment").path("value").asDouble()));

        // 广东省: articles 1, 6 and 21; not the parts of 6, not article 17 (primary place 合肥, Anhui).
        assertThat(sums).containsExactlyInAnyOrderEntriesOf(Map.of("广东省", 404_280_000_000d,
                "湖北省", 108_098_000_000d, "山东省", 13_000_000_000d, "安徽省", 1_500_000_000d,
                "江苏省", 704_670_000d + 350_000_000d));
        assertThat(sums.values().stream().mapToDouble(Double::doubleValue).sum())
            .as("the total is the sum of the articles' investments")
            .isEqualTo(FixtureIssue.ENRICHED.values().stream().mapToDouble(e -> e.investment().valueCny().doubleValue()).sum());
    }

    @Test
    void countsArticlesPerProvinceForEveryProvinceTheyName() throws IOException {
        JsonNode buckets = aggregate("{\"terms\":{\"field\":\"provinces\"}}").path("buckets");

        assertThat(counts(buckets)).as("article 17 counts for Anhui and Guangdong")
            .containsExactlyInAnyOrderEntriesOf(Map.of("广东省", 4L, "湖北省", 1L, "山东省", 1L, "安徽省", 1L, "江苏省", 2L));
    }

    // --- the queries and their measurement

    record Query(String word, Set<Integer> expected, String why) {

        @Override
        public String toString() {
            return this.word;
        }
    }

    record Measure(int hits, double precision, double recall) {

        String describe() {
            return String.format(java.util.Locale.ROOT, "%d hits, P %.2f, R %.2f", this.hits, this.precision,
                    this.recall);
        }
    }

    static Stream<Query> queries() {
        try (InputStream in = SearchQualityIT.class.getClassLoader()
            .getResourceAsStream("search-quality/issue-121-queries.tsv")) {
            List<Query> queries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                Set<Integer> expected = columns[1].isBlank() ? Set.of()
                        : Arrays.stream(columns[1].split(",")).map(String::trim).map(Integer::valueOf)
                            .collect(Collectors.toCollection(TreeSet::new));
                queries.add(new Query(columns[0], expected, columns.length > 2 ? columns[2] : ""));
            }
            return queries.stream();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static void assertFindsExactly(Query query, String kind, Set<Integer> found) {
        Set<Integer> relevant = new TreeSet<>(found);
        relevant.retainAll(query.expected());
        double precision = found.isEmpty() ? 1.0 : (double) relevant.size() / found.size();
        double recall = query.expected().isEmpty() ? 1.0 : (double) relevant.size() / query.expected().size();
        synchronized (MEASURED) {
            MEASURED.computeIfAbsent(query.word(), word -> new LinkedHashMap<>())
                .put(kind, new Measure(found.size(), precision, recall));
        }
        assertThat(recall).as("recall of %s (found %s, expected %s: %s)", query.word(), found, query.expected(),
                query.why()).isEqualTo(1.0);
        assertThat(precision).as("precision of %s (found %s, expected %s)", query.word(), found, query.expected())
            .isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    // --- Elasticsearch

    Set<Integer> ordinals(JsonNode response) {
        Set<Integer> ordinals = new TreeSet<>();
        response.path("hits").path("hits")
            .forEach(hit -> ordinals.add(Integer.parseInt(hit.path("_id").asString().substring(4), 16)));
        assertThat(response.path("hits").path("total").path("value").asInt()).as("every hit fetched")
            .isEqualTo(ordinals.size());
        return ordinals;
    }

    /** The run command's suggested search ({@code q=}) for a query, all hits. */
    Set<Integer> suggestedSearch(String query) throws IOException {
        Request request = new Request("GET", "/" + ALIAS + "/_search");
        SuggestedSearch.parameters(query).forEach(request::addParameter);
        request.addParameter("size", "100");
        return ordinals(perform(request));
    }

    JsonNode search(String queryType, ObjectNode query) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 100);
        body.putObject("query").set(queryType, query);
        Request request = new Request("POST", "/" + ALIAS + "/_search");
        request.setJsonEntity(JSON.writeValueAsString(body));
        return perform(request);
    }

    JsonNode aggregate(String aggregation) throws IOException {
        Request request = new Request("POST", "/" + ALIAS + "/_search");
        request.setJsonEntity("{\"size\":0,\"aggs\":{\"result\":" + aggregation + "}}");
        JsonNode response = perform(request);
        return response.path("aggregations").path("result");
    }

    static Map<String, Long> counts(JsonNode buckets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        buckets.forEach(bucket -> counts.put(bucket.has("key_as_string") ? bucket.path("key_as_string").asString()
                : bucket.path("key").asString(), bucket.path("doc_count").asLong()));
        return counts;
    }

    JsonNode perform(Request request) throws IOException {
        return JSON.readTree(EntityUtils.toString(this.elasticsearch.performRequest(request).getEntity(),
                StandardCharsets.UTF_8));
    }
}
