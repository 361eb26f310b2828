package parkworld.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventContractTests {

    static final String SHA = "9f2c6a1e0b8d4f7a3c5e9b1d2f4a6c8e0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d";

    static final IssueRef ISSUE = new IssueRef(121, 2023, 5, 4, "园区周报 2023年5月4期（总121期）",
            "https://www.parkworld.net/uploads/issue-121.pdf", SHA);

    static ArticleExtracted article() {
        return new ArticleExtracted(1, "121-0a1b2c3d4e5f", ISSUE, 1, "招商引资", "欧普照明华南总部基地增资扩产签约仪式在中山举行",
                "欧普照明华南总部基地增资扩产签约仪式在中山举行。", "欧普照明创立于1996年……总投资额达30亿元（中山市政府网站）。", "中山市政府网站", 1,
                List.of(LocalDate.of(2023, 5, 24)),
                List.of(new ArticleExtracted.Amount(new BigDecimal("3000000000"), "CNY", false, "30亿元")),
                List.of(new ArticleExtracted.Place("广东省", "CN-GD", "中山市", new ArticleExtracted.GeoPoint(22.52, 113.39))),
                List.of("equipment-manufacturing"), "0.1.0", Instant.parse("2023-05-30T08:00:00Z"));
    }

    @Test
    void articleExtractedConformsToItsSchema() {
        assertThat(EventType.ARTICLE_EXTRACTED.violations(EventJson.write(article()))).isEmpty();
    }

    @Test
    void articleWithoutSourceOrEnrichmentConformsToItsSchema() {
        ArticleExtracted a = article();
        ArticleExtracted bare = new ArticleExtracted(a.schemaVersion(), a.articleId(), a.issue(), a.ordinal(),
                a.section(), a.title(), "", a.body(), null, a.page(), List.of(), List.of(), List.of(), List.of(),
                a.parserVersion(), a.parsedAt());
        assertThat(EventType.ARTICLE_EXTRACTED.violations(EventJson.write(bare))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "file:///var/lib/parkworld/blobs/", "s3://parkworld-blobs/issues/" })
    void issueFetchedConformsToItsSchemaWithAFileOrAnS3Blob(String store) {
        IssueFetched fetched = new IssueFetched(1, "issue-121", store + SHA + ".pdf",
                ISSUE.sourceUrl(), SHA, 1791238, Instant.parse("2023-05-30T07:00:00Z"));
        assertThat(EventType.ISSUE_FETCHED.violations(EventJson.write(fetched))).isEmpty();
    }

    @Test
    void issueParsedConformsToItsSchema() {
        Map<String, Integer> perSection = new LinkedHashMap<>();
        perSection.put("招商引资", 26);
        perSection.put("综合资讯", 12);
        IssueParsed parsed = new IssueParsed(1, "issue-121", ISSUE, Instant.parse("2023-05-30T08:00:00Z"),
                List.of("121-0a1b2c3d4e5f"), perSection, List.of("TOC entry 33 has no exact match"));
        assertThat(EventType.ISSUE_PARSED.violations(EventJson.write(parsed))).isEmpty();
    }

    @Test
    void schemaRejectsArticleMissingAContractField() {
        String json = new String(EventJson.write(article()), StandardCharsets.UTF_8).replace("\"section\":", "\"sektion\":");
        assertThat(EventType.ARTICLE_EXTRACTED.violations(json.getBytes(StandardCharsets.UTF_8)))
            .as("a renamed contract field must be reported")
            .anySatisfy(v -> assertThat(v).contains("section"));
    }

    @Test
    void schemaRejectsCurrencyThatIsNotIso4217() {
        String json = new String(EventJson.write(article()), StandardCharsets.UTF_8).replace("\"CNY\"", "\"亿元\"");
        assertThat(EventType.ARTICLE_EXTRACTED.violations(json.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void reportsPayloadThatIsNotJson() {
        assertThat(EventType.ISSUE_FETCHED.violations("<html>".getBytes(StandardCharsets.UTF_8)))
            .singleElement()
            .asString()
            .startsWith("not JSON");
    }

    @Test
    void roundTripsArticleThroughJson() {
        ArticleExtracted original = article();
        assertThat(EventJson.read(EventJson.write(original), ArticleExtracted.class)).isEqualTo(original);
    }

    @Test
    void writesDatesAsIsoStringsAndAmountsAsPlainNumbers() {
        String json = new String(EventJson.write(article()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"parsedAt\":\"2023-05-30T08:00:00Z\"")
            .contains("\"eventDates\":[\"2023-05-24\"]")
            .contains("\"value\":3000000000");
    }

    @Test
    void readingMalformedPayloadSaysWhatWasExpected() {
        assertThatThrownBy(() -> EventJson.read("{\"schemaVersion\":".getBytes(StandardCharsets.UTF_8), IssueFetched.class))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("IssueFetched");
        assertThatThrownBy(() -> EventJson.read(new byte[0], IssueFetched.class))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("empty payload");
    }

    @Test
    void toleratesFieldsAddedByANewerMinorVersion() {
        String json = new String(EventJson.write(article()), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"futureField\":1,");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), ArticleExtracted.class).articleId())
            .isEqualTo("121-0a1b2c3d4e5f");
    }

    @Test
    void cloudEventHeadersNameTypeSchemaAndSubject() {
        Map<String, String> headers = CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED, "/parkworld/parser-service",
                "121-0a1b2c3d4e5f", Instant.parse("2023-05-30T08:00:00Z"));
        assertThat(headers).containsEntry("ce_type", "net.parkworld.article.extracted.v1")
            .containsEntry("ce_specversion", "1.0")
            .containsEntry("ce_source", "/parkworld/parser-service")
            .containsEntry("ce_subject", "121-0a1b2c3d4e5f")
            .containsEntry("ce_time", "2023-05-30T08:00:00Z")
            .containsEntry("ce_dataschema", "https://parkworld.net/schemas/article-extracted.v1.schema.json")
            .containsKey("ce_id");
    }

    @Test
    void topicDefaultsComeFromTheTopicsFile() {
        assertThat(List.of(Topics.ISSUES_FETCHED, Topics.ARTICLES, Topics.ISSUES_PARSED, Topics.PARSER_DEAD_LETTER,
                Topics.INDEXER_DEAD_LETTER))
            .containsExactly("parkworld.issues.fetched", "parkworld.articles", "parkworld.issues.parsed",
                    "parkworld.parser.dlq", "parkworld.indexer.dlq");
    }
}
