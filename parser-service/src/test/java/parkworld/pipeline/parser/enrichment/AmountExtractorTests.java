package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import parkworld.pipeline.contract.ArticleExtracted.Amount;

class AmountExtractorTests {

    private final AmountExtractor extractor = new AmountExtractor();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            总投资额达30亿元（中山市政府网站）    | 3000000000      | CNY | false | 30亿元
            总投资约 130 亿元                  | 13000000000     | CNY | true  | 约 130 亿元
            签约项目103个 金额超千亿            | 100000000000    | CNY | true  | 超千亿
            总投资达 3491.8 亿元               | 349180000000    | CNY | false | 3491.8 亿元
            年度投资约 214.0 亿元              | 21400000000     | CNY | true  | 约 214.0 亿元
            签约总额1,080.98亿元               | 108098000000    | CNY | false | 1,080.98亿元
            投资86亿元                        | 8600000000      | CNY | false | 86亿元
            注册资本5000万元                   | 50000000        | CNY | false | 5000万元
            门票120元                         | 120             | CNY | false | 120元
            单价12.35元                       | 12.35           | CNY | false | 12.35元
            规模1.2万亿元                      | 1200000000000   | CNY | false | 1.2万亿元
            投资3千万元                        | 30000000        | CNY | false | 3千万元
            总投资 1 亿美元                    | 100000000       | USD | false | 1 亿美元
            引进外资500万美元                   | 5000000         | USD | false | 500万美元
            投资3亿欧元                        | 300000000       | EUR | false | 3亿欧元
            投资200亿日元                      | 20000000000     | JPY | false | 200亿日元
            募资10亿港元                       | 1000000000      | HKD | false | 10亿港元
            募资5000万港币                     | 50000000        | HKD | false | 5000万港币
            注资人民币10亿元                    | 1000000000      | CNY | false | 人民币10亿元
            追加投资总计超人民币10亿元           | 1000000000      | CNY | true  | 超人民币10亿元
            投资10亿元人民币                    | 1000000000      | CNY | false | 10亿元人民币
            出资人民币8亿                      | 800000000       | CNY | false | 人民币8亿
            港币2亿元配套资金同步到位            | 200000000       | HKD | false | 港币2亿元
            另募集美元5000万                   | 50000000        | USD | false | 美元5000万
            约欧元3亿元                        | 300000000       | EUR | true  | 约欧元3亿元
            使用外资3,000万美元                 | 30000000        | USD | false | 3,000万美元
            设立十亿元基金                      | 1000000000      | CNY | false | 十亿元
            打造百亿元产业                      | 10000000000     | CNY | false | 百亿元
            补贴两千万元                        | 20000000        | CNY | false | 两千万元
            投资一百二十亿元                    | 12000000000     | CNY | false | 一百二十亿元
            全省投资超万亿元                    | 1000000000000   | CNY | true  | 超万亿元
            规模达十万亿元                      | 10000000000000  | CNY | false | 十万亿元
            节省运输费用 52 亿元以上             | 5200000000      | CNY | true  | 52 亿元以上
            总投资100多亿元                     | 10000000000     | CNY | true  | 100多亿元
            总投资10余亿元                      | 1000000000      | CNY | true  | 10余亿元
            投资逾50亿元                        | 5000000000      | CNY | true  | 逾50亿元
            产值近百亿元                        | 10000000000     | CNY | true  | 近百亿元
            将近20亿元                          | 2000000000      | CNY | true  | 将近20亿元
            超过3亿元                           | 300000000       | CNY | true  | 超过3亿元
            约合4000万美元                       | 40000000        | USD | true  | 约合4000万美元
            投资5亿元左右                        | 500000000       | CNY | true  | 5亿元左右
            年产值可超100亿元                     | 10000000000     | CNY | true  | 超100亿元
            总投资5000万，当年投产                | 50000000        | CNY | false | 5000万
            投资额达１０亿元                      | 1000000000      | CNY | false | １０亿元
            """)
    void extractsMoneyWithValueInUnitsOfTheCurrency(String text, String value, String currency, boolean approximate,
            String printed) {
        List<Amount> amounts = extractor.extract(text);
        assertThat(amounts).as("amounts in \"%s\"", text).hasSize(1);
        Amount amount = amounts.get(0);
        assertThat(amount.value().toPlainString()).as("value of \"%s\" without scientific notation", text)
                .isEqualTo(value);
        assertThat(amount.currency()).as("currency of \"%s\"", text).isEqualTo(currency);
        assertThat(amount.approximate()).as("approximate flag of \"%s\"", text).isEqualTo(approximate);
        assertThat(amount.text()).as("printed text of \"%s\"", text).isEqualTo(printed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "中复神鹰西宁年产2.5万吨高性能碳纤维项目", "总规划面积1200亩", "年产 20万吨", "约650家企业机构参展",
        "年产 36GWh（吉瓦时）储能电池", "晶澳宁晋智造基地 6 吉瓦 N 型倍秀电池", "159 个重大项目", "10万平方米", "首个百亿级项目",
        "投资超百亿级", "百亿元级项目", "三元锂电池", "实行一元化管理", "城乡二元结构", "电价3元/千瓦时", "投资数百万元", "几十亿元",
        "上亿元", "14亿人口", "2023年", "5月24日", "“十四五”期间", "2024年1月1日元旦假期", "打造千亿产业集群", "单位：万元",
        "亿元", "万亿级市场", "数万亿元", "1100 多万吨石化产品", "满足1万名学生入驻需求", "达产后年产值超百亿的目标" })
    void ignoresCountsQuantitiesAndClassDescriptors(String text) {
        assertThat(extractor.extract(text)).as("amounts in \"%s\"", text).isEmpty();
    }

    @Test
    void findsEveryAmountOfASentenceInOrder() {
        List<Amount> amounts = extractor.extract("签约项目中，工业项目37个，金额400.93亿元；服务业项目65个，金额674.45亿元。");
        assertThat(amounts).extracting(a -> a.value().toPlainString()).containsExactly("40093000000", "67445000000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "投资10亿—20亿元", "投资10亿元至20亿元", "总投资10-20亿元", "总投资 10 ~ 20 亿元", "投资五至十亿元" })
    void givesNoAmountForEitherEndOfARange(String text) {
        assertThat(extractor.extract(text)).as("amounts in \"%s\"", text).isEmpty();
    }

    @Test
    void keepsAmountsThatOnlyFollowAConnectorWord() {
        assertThat(extractor.extract("截至5月底，累计完成投资500亿元")).extracting(Amount::text).containsExactly("500亿元");
    }

    @Test
    void keepsRepeatedAmountsForTheCallerToDeduplicate() {
        assertThat(extractor.extract("总投资 25.75 亿元。该项目总投资 25.75 亿元")).hasSize(2);
    }

    @Test
    void aForeignCurrencyBeforeANumberCountsOnlyBeforeYuanOrTenThousands() {
        assertThat(this.extractor.extract("总投资10亿美元2025年建成投产")).extracting(Amount::text)
            .containsExactly("10亿美元");
        assertThat(this.extractor.extract("折合港元30个项目")).isEmpty();
    }
}
