package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypeClassifierTests {

    private static final EventTypeClassifier CLASSIFIER = EventTypeClassifier.load();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            某新能源项目签约仪式在合肥举行           | -                          | signing
            某公司增资扩产项目签约                  | -                          | expansion
            某集团追加投资建设研发中心               | -                          | expansion
            全市二季度重大项目集中开工               | -                          | groundbreaking
            某产业园一期奠基                        | -                          | groundbreaking
            年产10万吨材料项目建成投产               | -                          | production-start
            某研究院揭牌成立                        | -                          | opening
            某企业华东总部正式落户                   | -                          | settlement
            某大会集中签约项目50个                   | -                          | signing
            2023世界智能大会在天津开幕               | -                          | conference
            《某省促进制造业发展若干措施》印发         | -                          | policy
            某市发布制造业高质量发展三年行动计划       | -                          | policy
            某手机新品发布会在深圳举行               | -                          | other
            某投资180亿元打造新材料产业链             | 签约仪式在福州举行            | signing
            国际货运航线首航                        | -                          | other
            某项目启动                             | 举行启动仪式                 | other
            """)
    void classifiesByTheFirstRuleTheTitleThenTheLeadMatches(String title, String lead, String expected) {
        assertThat(CLASSIFIER.classify(title, lead == null ? "" : lead)).isEqualTo(expected);
    }
}
