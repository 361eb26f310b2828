package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.contract.ArticleExtracted.Amount;

class ArticleEnricherTests {

    private static ArticleEnricher enricher;

    @BeforeAll
    static void build() {
        enricher = new ArticleEnricher();
    }

    @Test
    void treatsMissingFieldsAsEmpty() {
        Enrichment enrichment = enricher.enrich(null, null, null, null, null);
        assertThat(enrichment.eventDates()).isEmpty();
        assertThat(enrichment.amounts()).isEmpty();
        assertThat(enrichment.places()).isEmpty();
        assertThat(enrichment.industries()).isEmpty();
    }

    @Test
    void keepsOneAmountPerValueAndCurrencyWithTheFirstMentionWinning() {
        Enrichment enrichment = enricher.enrich("总投资 130 亿元的储能电池项目落户城阳", "总投资约 130 亿元、年产 36GWh 储能电池项目。",
                "项目总投资 130 亿元，其中一期 40 亿元。", null, new IssueDate(2023, 5));
        assertThat(enrichment.amounts()).extracting(Amount::text).containsExactly("130 亿元", "40 亿元");
        assertThat(enrichment.amounts().get(0).approximate()).as("the title's exact figure wins").isFalse();
    }

    @Test
    void deduplicatesDatesAcrossTitleLeadAndBodyInOrder() {
        Enrichment enrichment = enricher.enrich("5月24日项目投产", "5月24日，项目投产。", "一期于2023年5月20日开工，5月24日投产。", null,
                new IssueDate(2023, 5));
        assertThat(enrichment.eventDates()).containsExactly(LocalDate.of(2023, 5, 24), LocalDate.of(2023, 5, 20));
    }

    @Test
    void doesNotCountTheSourceAttributionAsBodyText() {
        String body = "汽车零部件项目开工（中国汽车报）。";
        assertThat(enricher.enrich("项目开工", "", body, "中国汽车报", null).industries())
                .as("汽车 of the attribution is not a second hit for automotive").isEmpty();
        assertThat(enricher.enrich("项目开工", "", "汽车零部件项目开工，汽车产业集聚。", null, null).industries())
                .containsExactly("automotive");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            总投资额达30亿元（中山市政府网站）。 | 中山市政府网站 | 总投资额达30亿元
            节省费用 52 亿元以上(广西政府网站)   | 广西政府网站   | 节省费用 52 亿元以上
            会期3天(贵州省政府网站)。           | 贵州省政府网站 | 会期3天
            """)
    void stripsTheClosingAttributionFromTheBody(String body, String source, String expected) {
        assertThat(ArticleEnricher.withoutAttribution(body, source)).isEqualTo(expected);
    }

    @Test
    void leavesBodyAloneWhenTheSourceIsNotItsClosingAttribution() {
        assertThat(ArticleEnricher.withoutAttribution("据新华网报道，项目开工。", "新华网")).isEqualTo("据新华网报道，项目开工。");
    }

    @Test
    void rejectsImpossibleIssueDates() {
        assertThatThrownBy(() -> new IssueDate(2023, 13)).hasMessageContaining("month");
        assertThat(IssueDate.fromCover(0, 5)).as("year not printed on the cover").isNull();
        assertThat(IssueDate.fromCover(2023, 5)).isEqualTo(new IssueDate(2023, 5));
    }
}
