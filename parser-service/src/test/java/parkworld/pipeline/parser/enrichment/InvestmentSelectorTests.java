package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted.Investment;

class InvestmentSelectorTests {

    private static final InvestmentSelector SELECTOR = new InvestmentSelector(ExchangeRates.load());

    private static final AmountExtractor AMOUNTS = new AmountExtractor();

    private static Investment select(String title, String lead, String body) {
        String leadAndBody = lead.isEmpty() ? body : lead + "\n" + body;
        return SELECTOR.select(List.of(new InvestmentSelector.Located(title, AMOUNTS.locate(title)),
                new InvestmentSelector.Located(leadAndBody, AMOUNTS.locate(leadAndBody))), 2023);
    }

    @Test
    void theTotalBeatsAnEarlierPlainAmount() {
        Investment investment = select("集中签约项目103个 金额超千亿", "签约总额1080.98亿元。", "工业项目37个，金额400.93亿元。");
        assertThat(investment.value()).isEqualByComparingTo("108098000000");
        assertThat(investment.text()).isEqualTo("1080.98亿元");
        assertThat(investment.approximate()).isFalse();
    }

    @Test
    void partsOfTheTotalAreNeverChosen() {
        assertThat(select("项目开工", "", "其中一期投资5亿元，首期计划投资2亿元，年度计划投资1亿元。")).isNull();
        assertThat(select("项目开工", "总投资预计 24 亿元（其中一期项目 16 亿元）。", "").value())
                .isEqualByComparingTo("2400000000");
    }

    @Test
    void anAmountAfterNoInvestmentMarkerIsNoInvestment() {
        assertThat(select("创投大会举行", "", "设立500亿元引导基金，目标撬动3000亿元规模的产业投资，每年节省费用52亿元以上，产值将达60亿元。"))
                .isNull();
    }

    @Test
    void theMarkerMayBeLinkedToItsAmountByVerbsAndApproximations() {
        Investment investment = select("追加投资", "", "西门子医疗将追加投资总计超人民币10亿元。");
        assertThat(investment.value()).isEqualByComparingTo("1000000000");
        assertThat(investment.approximate()).isTrue();
        assertThat(investment.text()).isEqualTo("超人民币10亿元");
    }

    @Test
    void aForeignAmountIsConvertedAtTheIssueYearsRate() {
        Investment investment = select("总部基地开业", "", "项目总投资 1 亿美元。");
        assertThat(investment.currency()).isEqualTo("USD");
        assertThat(investment.valueCny()).isEqualByComparingTo(new BigDecimal("708463000"));
    }

    @Test
    void anAmountWithoutARateIsSkipped() {
        assertThat(select("项目签约", "", "总投资10亿新台币。")).isNull();
    }

    @Test
    void yuanAreTheirOwnValueInYuan() {
        Investment investment = select("总投资 130 亿元的项目落户", "", "");
        assertThat(investment.valueCny()).isEqualTo(investment.value());
    }
}
