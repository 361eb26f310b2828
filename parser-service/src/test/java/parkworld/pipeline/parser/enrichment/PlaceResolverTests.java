package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import parkworld.pipeline.contract.ArticleExtracted.GeoPoint;
import parkworld.pipeline.contract.ArticleExtracted.Place;

class PlaceResolverTests {

    private static PlaceResolver resolver;

    @BeforeAll
    static void loadGazetteer() {
        resolver = new PlaceResolver(Gazetteer.load());
    }

    /** Places of a title alone, as "province/city" strings (city "-" for a province alone). */
    private static List<String> titlePlaces(String title) {
        return resolver.resolve(null, title, "").stream()
                .map(p -> p.province() + "/" + (p.city() == null ? "-" : p.city())).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            欧普照明签约仪式在中山举行                 | 广东省/中山市
            签约仪式在中山市举行                      | 广东省/中山市
            在贵州省贵阳市开幕                        | 贵州省/贵阳市
            恩施土家族苗族自治州招商推介会              | 湖北省/恩施土家族苗族自治州
            恩施州招商推介会                          | 湖北省/恩施土家族苗族自治州
            吉林市化工园区                            | 吉林省/吉林市
            吉林加快建设新能源基地                     | 吉林省/-
            海南州光伏基地                            | 青海省/海南藏族自治州
            海南自贸港建设                            | 海南省/-
            朝阳市招商                                | 辽宁省/朝阳市
            广西出台新政                              | 广西壮族自治区/-
            香港特别行政区政府                         | 香港特别行政区/-
            澳门经济                                | 澳门特别行政区/-
            项目落户浦东新区                          | 上海市/上海市
            在上海自贸区临港新片区揭牌                  | 上海市/上海市
            雄安新区印发行动方案                        | 河北省/保定市
            天津滨海新区开业                          | 天津市/天津市
            两江新区签约                              | 重庆市/重庆市
            2023 中关村论坛在京开幕                   | 北京市/北京市
            成都高新区大会在蓉举行                     | 四川省/成都市
            项目在沪签约                              | 上海市/上海市
            大兴安岭地区林业                          | 黑龙江省/大兴安岭地区
            来宾市工业园                              | 广西壮族自治区/来宾市
            """)
    void resolvesPlacesNamedInTitles(String title, String expected) {
        assertThat(titlePlaces(title)).as("places of title \"%s\"", title).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "中山大学附属医院", "哈尔滨工业大学科技成果", "南京路步行街", "中山北路改造", "延安路隧道", "宁德时代发布新电池",
        "新品在京东上线", "展会在东京开幕", "津津乐道", "在沪深两市上市", "朝阳区政府", "中山区政府", "西安区政府", "来宾致辞", "白银价格上涨", "阿里巴巴投资",
        "大兴安岭火灾", "长治久安", "安康生活", "日照时数", "普洱茶", "海西经济区", "三明治", "大理石材", "新乡村建设", "孙中山故居", "大同小异",
        "长三角一体化", "粤语节目" })
    void ignoresWordsThatOnlyContainAPlaceName(String title) {
        assertThat(titlePlaces(title)).as("places of title \"%s\"", title).isEmpty();
    }

    @Test
    void readsRunsOfAbbreviationsInTitlesInOrder() {
        assertThat(titlePlaces("《京津冀产业协同发展实施方案》印发")).containsExactly("北京市/北京市", "天津市/天津市", "河北省/-");
        assertThat(titlePlaces("粤港澳大湾区科学论坛")).containsExactly("广东省/-", "香港特别行政区/-", "澳门特别行政区/-");
        assertThat(titlePlaces("沪苏同城化")).containsExactly("上海市/上海市", "江苏省/-");
    }

    @Test
    void readsAbbreviationsOnlyInTitles() {
        assertThat(resolver.resolve(null, "论坛开幕", "论坛在京开幕，在京举办多场活动。京津冀协同。")).isEmpty();
    }

    @Test
    void resolvesSourceAttributionFirstThenTitleThenBody() {
        List<Place> places = resolver.resolve("苏州市政府网站", "上海机场城市航站楼启用", "航站楼位于昆明。昆明市民可办理值机。");
        assertThat(places).extracting(Place::city).containsExactly("苏州市", "上海市", "昆明市");
    }

    @Test
    void resolvesProvinceFromSourceAttributionWithProvinceLocation() {
        assertThat(resolver.resolve("广西政府网站", "平陆运河全线动工建设", "")).containsExactly(
                new Place("广西壮族自治区", "CN-GX", null, new GeoPoint(22.82, 108.37)));
    }

    @Test
    void resolvesCityWithItsProvinceAndCityLocation() {
        assertThat(resolver.resolve("中山市政府网站", "", "")).containsExactly(
                new Place("广东省", "CN-GD", "中山市", new GeoPoint(22.52, 113.39)));
    }

    @Test
    void dropsProvinceAloneOnceACityOfThatProvinceIsFound() {
        assertThat(resolver.resolve("广东省政府网站", "中海壳牌惠州三期乙烯项目开工建设", "")).extracting(Place::city)
                .containsExactly("惠州市");
        assertThat(resolver.resolve(null, "江苏省苏州市开工", "")).extracting(Place::city).containsExactly("苏州市");
    }

    @Test
    void keepsProvinceAloneWhenTheCitiesFoundAreInAnotherProvince() {
        assertThat(resolver.resolve("广西政府网站", "平陆运河动工", "广州出海。广州港口。")).extracting(Place::province, Place::city)
                .containsExactly(tuple("广西壮族自治区", null), tuple("广东省", "广州市"));
    }

    @Test
    void mapsXiongAnNewAreaToBaodingInHebei() {
        assertThat(resolver.resolve("河北省政府网站", "雄安新区印发行动方案", "")).containsExactly(
                new Place("河北省", "CN-HE", "保定市", new GeoPoint(38.87, 115.46)));
    }

    @Test
    void countsPlacesMentionedOnlyOnceInTheBodyAsIncidental() {
        assertThat(resolver.resolve(null, "平陆运河动工", "相比目前从广州出海可缩短航程约 560 公里")).isEmpty();
        assertThat(resolver.resolve(null, "平陆运河动工", "广州出海。广州港口。")).extracting(Place::city)
                .containsExactly("广州市");
    }

    @Test
    void countsMentionsUnderDifferentNamesOfTheSamePlaceTogether() {
        assertThat(resolver.resolve(null, "药企项目启动", "融入浦东生物医药产业布局，成立上海海尼药业有限公司。")).extracting(Place::city)
                .containsExactly("上海市");
    }

    @Test
    void deduplicatesRepeatedPlaces() {
        assertThat(resolver.resolve("北京市政府网站", "2023 中关村论坛在京开幕", "北京国际科技创新中心。北京。")).hasSize(1);
    }
}
