package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import parkworld.pipeline.parser.enrichment.IndustryTaxonomy.Category;

class IndustryClassifierTests {

    private static IndustryTaxonomy taxonomy;

    private static IndustryClassifier classifier;

    @BeforeAll
    static void loadTaxonomy() {
        taxonomy = IndustryTaxonomy.load();
        classifier = new IndustryClassifier(taxonomy);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            总投资 25.75 亿元的大连重工大型高端风电核心零部件制造项目动工 | wind-power
            储能电池头部企业鹏辉能源项目落户青岛城阳                    | energy-storage-batteries
            苏州市吴中区航空航天产业园正式开园                         | aerospace
            中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产               | chemicals-new-materials
            西门子医疗建设全新高端医疗设备研发制造基地                   | biomedicine
            明治乳业（天津）有限公司工厂在经开区开业                     | food
            北京奔图总部正式落户北京经开区国家信创园                     | ai-digital-economy
            大韩航空运营的郑州至首尔国际货运航线首航                     | logistics
            《上海期货交易所2023—2025年战略规划》正式发布                | finance
            华中科技大学军山校区在武汉经开区正式开工                     | education-research
            新能源汽车检测基地落户合肥                                | new-energy-vehicles
            集成电路产业园开工                                      | semiconductors
            机器人产业园开园                                        | equipment-manufacturing
            氢能产业大会举行                                        | hydrogen
            """)
    void assignsTheCategoryOfAKeywordInTheTitle(String title, String slug) {
        assertThat(classifier.classify(title, "")).as("industries of title \"%s\"", title).containsExactly(slug);
    }

    @Test
    void needsTwoKeywordHitsInLeadAndBody() {
        assertThat(classifier.classify("签约仪式举行", "项目涉及人工智能等产业。")).as("one passing mention").isEmpty();
        assertThat(classifier.classify("签约仪式举行", "项目涉及人工智能、大数据等产业。")).containsExactly("ai-digital-economy");
    }

    @Test
    void letsTheLongestKeywordWin() {
        assertThat(classifier.classify("新能源汽车产业园开工", "")).as("新能源汽车 is not also 汽车")
                .containsExactly("new-energy-vehicles");
        assertThat(classifier.classify("珩创磷酸锰铁锂电池材料项目签约", "")).containsExactly("energy-storage-batteries");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "建设现代化工厂", "慈善基金会成立", "长途汽车站改造", "卫星城建设", "签约仪式在中山举行" })
    void ignoresWordsThatOnlyContainAKeyword(String title) {
        assertThat(classifier.classify(title, "")).as("industries of title \"%s\"", title).isEmpty();
    }

    @Test
    void listsTitleCategoriesBeforeBodyCategories() {
        List<String> industries = classifier.classify("扬子江高端生物医药产业园启动",
                "引进新能源汽车项目。新能源汽车。医药企业。");
        assertThat(industries).containsExactly("biomedicine", "new-energy-vehicles");
    }

    @Test
    void definesASmallTaxonomyWithStableSlugsAndLabels() {
        assertThat(taxonomy.categories()).as("categories").hasSizeBetween(12, 18);
        assertThat(taxonomy.categories()).extracting(Category::slug).doesNotHaveDuplicates().contains(
                "new-energy-vehicles", "photovoltaics", "energy-storage-batteries", "wind-power", "semiconductors",
                "biomedicine", "automotive", "aerospace", "ai-digital-economy", "chemicals-new-materials",
                "equipment-manufacturing", "logistics", "finance", "food");
        assertThat(taxonomy.categories()).allSatisfy(category -> {
            assertThat(category.label()).as("label of %s", category.slug()).isNotBlank();
            assertThat(category.keywords()).as("keywords of %s", category.slug()).isNotEmpty();
        });
    }
}
