package parkworld.pipeline.indexer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.ContractSamples;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.indexer.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SearchDocumentTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ArticleExtracted sample(ContractSamples.Shape shape) {
        return EventJson.read(ContractSamples.of(EventType.ARTICLE_EXTRACTED, shape), ArticleExtracted.class);
    }

    @Test
    void takesEventTypeOrganizationsInvestmentAndIssueDateFromTheEvent() {
        SearchDocument document = SearchDocument.of(sample(ContractSamples.Shape.NEWER));

        assertThat(document.eventType()).isEqualTo("settlement");
        assertThat(document.organizations()).containsExactly(new SearchDocument.Organization("鹏辉能源", "investor"));
        assertThat(document.investmentCny()).isEqualByComparingTo("13000000000");
        assertThat(document.issue().date()).isEqualTo(LocalDate.of(2023, 5, 30));
        assertThat(document.section()).isEqualTo("招商引资");
        assertThat(document.sourceName()).isEqualTo("青岛市政府网站");
    }

    @Test
    void writesNoFieldOfTheEventItDoesNotDeclare() {
        JsonNode written = JSON.readTree(EventJson.write(SearchDocument.of(sample(ContractSamples.Shape.NEWER))));

        assertThat(written.has("sentiment") || written.has("readingMinutes") || written.has("schemaVersion")).isFalse();
        assertThat(written.path("issue").has("coverPage")).isFalse();
        assertThat(written.path("organizations").get(0).has("stockCode")).isFalse();
        assertThat(written.path("location").has("precision")).isFalse();
        assertThat(written.path("investmentCny").toString()).as("exact, not in exponent notation")
            .isEqualTo("13000000000");
        assertThat(written.path("issue").path("date").asString()).isEqualTo("2023-05-30");
    }

    @Test
    void readsAnEventOfAProducerBefore020AsNotClassifiedWithoutInvestment() {
        SearchDocument document = SearchDocument.of(sample(ContractSamples.Shape.PREVIOUS));

        assertThat(document.eventType()).isNull();
        assertThat(document.investmentCny()).isNull();
        assertThat(document.organizations()).isEmpty();
        assertThat(document.issue().date()).isNull();
    }

    @Test
    void creditsTheFirstPlaceAsPrimaryAndCountsEveryProvinceOnce() {
        ArticleExtracted.Place suzhou = new ArticleExtracted.Place("江苏省", "CN-JS", "苏州市",
                new ArticleExtracted.GeoPoint(31.3, 120.62));
        ArticleExtracted.Place fuyang = new ArticleExtracted.Place("安徽省", "CN-AH", "阜阳市",
                new ArticleExtracted.GeoPoint(32.89, 115.81));
        ArticleExtracted.Place nanjing = new ArticleExtracted.Place("江苏省", "CN-JS", "南京市",
                new ArticleExtracted.GeoPoint(32.06, 118.8));

        SearchDocument document = SearchDocument.of(TestArticles.withEnrichment(TestArticles.article(),
                List.of(suzhou, fuyang, nanjing), usd(100_000_000, "694000000")));

        assertThat(document.province()).isEqualTo("江苏省");
        assertThat(document.provinceCode()).isEqualTo("CN-JS");
        assertThat(document.city()).isEqualTo("苏州市");
        assertThat(document.location()).isEqualTo(new SearchDocument.GeoPoint(31.3, 120.62));
        assertThat(document.provinces()).containsExactly("江苏省", "安徽省");
        assertThat(document.investmentCny()).as("the converted value, not the dollars")
            .isEqualByComparingTo("694000000");
        assertThat(document.places()).as("kept whole for display").hasSize(3);
    }

    @Test
    void leavesThePrimaryPlaceEmptyWhenTheArticleNamesNone() {
        SearchDocument document = SearchDocument.of(TestArticles.withEnrichment(TestArticles.article(), List.of(),
                null));

        assertThat(document.province()).isNull();
        assertThat(document.location()).isNull();
        assertThat(document.provinces()).isEmpty();
        assertThat(document.investmentCny()).isNull();
        assertThat(document.amounts()).as("amounts are kept even without an investment").hasSize(2);
    }

    static ArticleExtracted.Investment usd(long dollars, String yuan) {
        return new ArticleExtracted.Investment(BigDecimal.valueOf(dollars), "USD", new BigDecimal(yuan), false,
                dollars / 100_000_000 + "亿美元");
    }
}
