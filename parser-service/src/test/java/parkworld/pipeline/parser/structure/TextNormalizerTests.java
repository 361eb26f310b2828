package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextNormalizerTests {

    static Stream<Arguments> printedAndClean() {
        return Stream.of(
                arguments("5 月 24 日", "5月24日"),
                arguments("总投资 130 亿元", "总投资130亿元"),
                arguments("计划今年 9 月底前开工，2024年 12 月底前建成投产。", "计划今年9月底前开工，2024年12月底前建成投产。"),
                arguments("晶澳宁晋智造基地 6 吉瓦 N 型倍秀电池项目", "晶澳宁晋智造基地6吉瓦N型倍秀电池项目"),
                arguments("年产 36GWh（吉瓦时）", "年产36GWh（吉瓦时）"),
                arguments("乙烯产能将达到 380 万吨/年", "乙烯产能将达到380万吨/年"),
                arguments("苏州高铁新城 · Qualcomm （高通） 中国", "苏州高铁新城·Qualcomm（高通）中国"),
                arguments("“聚势共赢 创见未来” 2023 中国（温州）创投大会", "“聚势共赢创见未来”2023中国（温州）创投大会"),
                arguments("节省运输费用 52 亿元以上 (广西政府网站) 。", "节省运输费用52亿元以上(广西政府网站)。"),
                arguments("园 区 周 报", "园区周报"),
                arguments("Qualcomm China", "Qualcomm China"),
                arguments("Qualcomm \t  and\u00A0Thundersoft", "Qualcomm and Thundersoft"),
                arguments("opened on Friday (Suzhou website).", "opened on Friday (Suzhou website)."),
                arguments("签约总额 1080.98 亿元，增长 12.5 %", "签约总额1080.98亿元，增长12.5 %"),
                arguments("\u3000\u3000据报道，苏州\u200B工业园区 ", "据报道，苏州工业园区"),
                arguments("第一段。 \n  第二段 2023 年。", "第一段。\n第二段2023年。"),
                arguments("", ""),
                arguments(" \u3000 ", ""));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @MethodSource("printedAndClean")
    void removesBlanksNextToChineseAndKeepsThemBetweenLatinWords(String printed, String clean) {
        assertThat(TextNormalizer.clean(printed)).as("cleaned \"%s\"", printed).isEqualTo(clean);
    }

    @Test
    void noCharacterAfterTheIdeographicSpaceAndBeforeTheSurrogatesIsABlank() {
        // TextNormalizer reads that range as never blank without asking Character: right while this JDK agrees
        for (char c = '\u3001'; c < Character.MIN_SURROGATE; c++) {
            assertThat(Character.isWhitespace(c) || Character.isSpaceChar(c)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void takesLinearTimeOnLongRunsOfBlanks() {
        String blanks = " \u3000".repeat(200_000);
        String text = ("年" + blanks + "5" + blanks + "N" + blanks).repeat(5);
        String clean = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> TextNormalizer.clean(text),
                "cleaning 4 million characters took too long");
        assertThat(clean).as("cleaned text").isEqualTo("年5 N".repeat(5));
    }

    @Test
    void dropsABlankBeforeTheSeparatorOfANumber() {
        assertThat(TextNormalizer.clean("使用外资3 ,000万美元")).isEqualTo("使用外资3,000万美元");
        assertThat(TextNormalizer.clean("rate 1 .5 percent")).isEqualTo("rate 1.5 percent");
        assertThat(TextNormalizer.clean("items 1 , 2 and 3 .")).isEqualTo("items 1 , 2 and 3 .");
        assertThat(TextNormalizer.clean("Version 2 .x")).isEqualTo("Version 2 .x");
    }

    @Test
    void joinsTheDigitsThatJustifiedChineseTextSpreadApart() {
        assertThat(TextNormalizer.clean("总投资2 0亿元，计划20 25年投产，提供1 100个岗位，91. 8亿元"))
            .isEqualTo("总投资20亿元，计划2025年投产，提供1100个岗位，91.8亿元");
        assertThat(TextNormalizer.clean("in 2020 100 firms, model 3 5")).isEqualTo("in 2020 100 firms, model 3 5");
    }
}
