package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.parser.enrichment.Gazetteer.Entry;

/** Integrity of {@code enrichment/gazetteer.tsv} and {@code enrichment/place-aliases.tsv}. */
class GazetteerTests {

    private static final Set<String> ISO_CODES = Set.of("CN-AH", "CN-BJ", "CN-CQ", "CN-FJ", "CN-GD", "CN-GS", "CN-GX",
            "CN-GZ", "CN-HA", "CN-HB", "CN-HE", "CN-HI", "CN-HK", "CN-HL", "CN-HN", "CN-JL", "CN-JS", "CN-JX", "CN-LN",
            "CN-MO", "CN-NM", "CN-NX", "CN-QH", "CN-SC", "CN-SD", "CN-SH", "CN-SN", "CN-SX", "CN-TJ", "CN-TW", "CN-XJ",
            "CN-XZ", "CN-YN", "CN-ZJ");

    /** A typo in a coordinate (swapped digits, wrong sign) puts a city far from its province's capital. */
    private static final double MAX_KM_FROM_CAPITAL = 1400;

    private static Gazetteer gazetteer;

    private static List<Entry> provinces;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load();
        provinces = gazetteer.entries().stream().filter(Entry::isProvince).toList();
    }

    @Test
    void listsAll34ProvinceLevelDivisionsWithTheirIsoCodes() {
        assertThat(provinces).as("province-level rows").hasSize(34);
        assertThat(provinces).extracting(Entry::provinceCode).as("ISO 3166-2 codes").doesNotHaveDuplicates()
                .allMatch(code -> code.matches("^CN-[A-Z]{2}$")).containsExactlyInAnyOrderElementsOf(ISO_CODES);
        assertThat(provinces.stream().filter(e -> e.type().equals("municipality")).map(Entry::name))
                .as("municipalities").containsExactlyInAnyOrder("北京市", "天津市", "上海市", "重庆市");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({ "河南省, CN-HA", "湖北省, CN-HB", "河北省, CN-HE", "海南省, CN-HI", "湖南省, CN-HN", "陕西省, CN-SN",
        "山西省, CN-SX", "广西壮族自治区, CN-GX", "内蒙古自治区, CN-NM", "香港特别行政区, CN-HK", "澳门特别行政区, CN-MO",
        "台湾省, CN-TW", "重庆市, CN-CQ" })
    void usesTheTwoLetterIsoCodesOf2017(String province, String code) {
        assertThat(gazetteer.byName(province)).as("gazetteer row of %s", province).isNotNull();
        assertThat(gazetteer.byName(province).provinceCode()).as("ISO code of %s", province).isEqualTo(code);
    }

    @Test
    void listsAllPrefectureLevelDivisions() {
        Map<String, Long> byType = gazetteer.entries().stream()
                .collect(Collectors.groupingBy(Entry::type, Collectors.counting()));
        long prefectureLevel = byType.getOrDefault("city", 0L) + byType.getOrDefault("prefecture", 0L)
                + byType.getOrDefault("autonomous-prefecture", 0L) + byType.getOrDefault("league", 0L);
        assertThat(prefectureLevel).as("prefecture-level rows by type %s", byType).isGreaterThanOrEqualTo(330);
        assertThat(byType).as("rows by type").containsEntry("autonomous-prefecture", 30L).containsEntry("league", 3L)
                .containsEntry("prefecture", 7L);
    }

    @Test
    void givesEveryPlaceAKnownProvinceAndUniqueName() {
        Map<String, Entry> provinceByName = provinces.stream()
                .collect(Collectors.toMap(Entry::name, Function.identity()));
        SoftAssertions softly = new SoftAssertions();
        for (Entry entry : gazetteer.entries()) {
            Entry province = provinceByName.get(entry.province());
            softly.assertThat(province).as("province %s of %s", entry.province(), entry.name()).isNotNull();
            if (province != null) {
                softly.assertThat(entry.provinceCode()).as("code of %s", entry.name())
                        .isEqualTo(province.provinceCode());
            }
        }
        softly.assertThat(gazetteer.entries()).extracting(Entry::name).as("names").doesNotHaveDuplicates();
        softly.assertAll();
    }

    @Test
    void placesEveryCoordinateInsideChina() {
        SoftAssertions softly = new SoftAssertions();
        for (Entry entry : gazetteer.entries()) {
            // 三沙市 sits on Yongxing Island at 16.8°N, south of every other seat (三亚 18.25°N)
            double minLat = entry.name().equals("三沙市") ? 16 : 18;
            softly.assertThat(entry.location().lat()).as("latitude of %s", entry.name()).isBetween(minLat, 54.0);
            softly.assertThat(entry.location().lon()).as("longitude of %s", entry.name()).isBetween(73.0, 135.0);
        }
        softly.assertAll();
    }

    @Test
    void placesEveryCityNearItsProvinceCapital() {
        SoftAssertions softly = new SoftAssertions();
        for (Entry entry : gazetteer.entries()) {
            Entry province = gazetteer.byName(entry.province());
            double km = kilometres(entry, province);
            softly.assertThat(km).as("%s is %.0f km from the capital of %s: check its coordinates", entry.name(), km,
                    entry.province()).isLessThan(MAX_KM_FROM_CAPITAL);
        }
        softly.assertAll();
    }

    @Test
    void resolvesEveryNameShortNameAliasAndAbbreviationToAGazetteerPlace() {
        assertThat(gazetteer.terms()).as("terms").hasSizeGreaterThan(gazetteer.entries().size() * 2 - 100);
        gazetteer.terms().forEach((text, term) -> {
            if (!term.isMask()) {
                assertThat(gazetteer.byName(term.entry().name())).as("target of '%s'", text).isSameAs(term.entry());
            }
        });
        for (char c : "京津冀沪苏浙粤港澳蓉".toCharArray()) {
            assertThat(gazetteer.abbreviation(c)).as("abbreviation %s", c).isNotNull();
        }
        assertThat(gazetteer.abbreviation('蓉').entry().name()).as("蓉 is Chengdu, a city").isEqualTo("成都市");
        assertThat(gazetteer.abbreviation('蓉').inLists()).as("蓉 is not a province abbreviation").isFalse();
    }

    private static double kilometres(Entry a, Entry b) {
        double lat1 = Math.toRadians(a.location().lat());
        double lat2 = Math.toRadians(b.location().lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.location().lon() - a.location().lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371 * Math.asin(Math.sqrt(h));
    }
}
