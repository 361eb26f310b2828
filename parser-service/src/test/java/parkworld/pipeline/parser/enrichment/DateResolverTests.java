package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateResolverTests {

    private static final IssueDate MAY_2023 = new IssueDate(2023, 5);

    private final DateResolver resolver = new DateResolver();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023年5月24日                       | 2023-05-24
            5月24日，中复神鹰投产                | 2023-05-24
            5 月 24 日上午                      | 2023-05-24
            2023 年 5 月 24 日                  | 2023-05-24
            ２０２３年５月２４日                  | 2023-05-24
            于2022年12月1日开工                  | 2022-12-01
            5月25日5时40分                      | 2023-05-25
            今年3月1日                          | 2023-03-01
            去年12月8日                         | 2022-12-08
            明年1月1日起施行                     | 2024-01-01
            发布日期 2023-05-24                 | 2023-05-24
            2023/5/24                          | 2023-05-24
            截至5月24日，累计签约                 | 2023-05-24
            5月24日至今                         | 2023-05-24
            将于7月1日起施行                     | 2023-07-01
            1月3日                             | 2023-01-03
            """)
    void resolvesDayPreciseDatesAgainstTheIssue(String text, LocalDate expected) {
        assertThat(resolver.resolve(text, MAY_2023)).as("dates in \"%s\" of the May 2023 issue", text)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "5月24日至26日", "5月24-26日", "5月20日至6月2日", "5月20日—6月2日",
        "2023年5月20日-2023年5月24日", "近日", "日前，项目签约", "今年", "5月上旬", "24日", "今年9月底前开工", "2024年12月底前建成投产",
        "2023年5月", "2月30日", "2023年2月29日", "23年5月24日", "同年10月5日", "农历5月5日", "三年行动计划（2023-2025）",
        "版本 3.5.2", "5月下旬", "第115月24日", "" })
    void givesNoDateForVagueRangedOrInvalidMentions(String text) {
        assertThat(resolver.resolve(text, MAY_2023)).as("dates in \"%s\"", text).isEmpty();
    }

    @Test
    void resolvesDecemberDateInJanuaryIssueToPreviousYear() {
        assertThat(resolver.resolve("12月29日，项目签约", new IssueDate(2024, 1))).containsExactly(LocalDate.of(2023, 12, 29));
    }

    @Test
    void resolvesJanuaryDateInDecemberIssueToNextYear() {
        assertThat(resolver.resolve("新规将于1月1日起施行", new IssueDate(2023, 12))).containsExactly(LocalDate.of(2024, 1, 1));
    }

    @ParameterizedTest(name = "issue {0}-{1}, month {2} -> {3}")
    @CsvSource({
        // up to 2 months after the issue month: same year (or next, across December)
        "2024, 1, 1, 2024", "2024, 1, 3, 2024", "2023, 12, 2, 2024", "2023, 11, 1, 2024",
        // further ahead: the previous year
        "2024, 1, 4, 2023", "2024, 1, 12, 2023", "2024, 2, 11, 2023", "2023, 5, 8, 2022",
        // before the issue month: same year
        "2023, 5, 1, 2023", "2023, 5, 4, 2023", "2023, 12, 3, 2023" })
    void placesYearlessDatesFromNineMonthsBeforeToTwoMonthsAfterTheIssueMonth(int year, int month, int dateMonth,
            int expectedYear) {
        assertThat(DateResolver.yearNear(new IssueDate(year, month), dateMonth))
                .as("year of month %d in issue %d-%d", dateMonth, year, month).isEqualTo(expectedYear);
    }

    @Test
    void resolvesOnlyDatesWithTheirOwnYearWhenTheIssueDateIsUnknown() {
        assertThat(resolver.resolve("2023年5月24日开工，5月26日投产", null)).containsExactly(LocalDate.of(2023, 5, 24));
    }

    @Test
    void keepsOrderOfAppearanceAcrossFormats() {
        assertThat(resolver.resolve("5月26日签约，2023-05-24开工，2023年5月25日投产", MAY_2023)).containsExactly(
                LocalDate.of(2023, 5, 26), LocalDate.of(2023, 5, 24), LocalDate.of(2023, 5, 25));
    }

    @Test
    void skipsBothEndsOfARangeButKeepsOtherDatesInTheSameText() {
        assertThat(resolver.resolve("展会5月24日至26日举行，5月23日开幕预热", MAY_2023)).containsExactly(LocalDate.of(2023, 5, 23));
    }
}
