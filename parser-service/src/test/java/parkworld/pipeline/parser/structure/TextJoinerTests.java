package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextJoinerTests {

    @Test
    void joinsChineseLinesWithoutSpace() {
        assertThat(TextJoiner.joinWrapped("计划今年 9 月底前开工，2024", "年 12 月底前建成投产。"))
                .isEqualTo("计划今年 9 月底前开工，2024年 12 月底前建成投产。");
        assertThat(TextJoiner.joinWrapped("苏州高铁新城·", "Qualcomm（高通）")).isEqualTo("苏州高铁新城·Qualcomm（高通）");
    }

    @Test
    void keepsOneSpaceBetweenLatinWords() {
        assertThat(TextJoiner.joinWrapped("Qualcomm and  ", "  Thundersoft")).isEqualTo("Qualcomm and Thundersoft");
        assertThat(TextJoiner.joinWrapped("year 2023,", "the park")).isEqualTo("year 2023, the park");
    }

    @Test
    void doesNotSplitHyphenatedRanges() {
        assertThat(TextJoiner.joinWrapped("行动计划（2023-", "2025）")).isEqualTo("行动计划（2023-2025）");
    }

    @Test
    void ignoresBlankLines() {
        StringBuilder text = new StringBuilder("第一行");
        TextJoiner.appendWrapped(text, "   ");
        assertThat(text).hasToString("第一行");
        StringBuilder empty = new StringBuilder();
        TextJoiner.appendWrapped(empty, " 开头 ");
        assertThat(empty).hasToString("开头");
    }

    @Test
    void joinsANumberThatTheWrapSplitInChineseText() {
        assertThat(TextJoiner.joinWrapped("年产量达到20", "00列")).isEqualTo("年产量达到2000列");
        assertThat(TextJoiner.joinWrapped("使用外资3,", "000万美元")).isEqualTo("使用外资3,000万美元");
        assertThat(TextJoiner.joinWrapped("总投资3491.", "8亿元")).isEqualTo("总投资3491.8亿元");
    }

    @Test
    void keepsTheSpaceBetweenNumbersOfLatinText() {
        assertThat(TextJoiner.joinWrapped("in 2020", "100 firms")).isEqualTo("in 2020 100 firms");
        assertThat(TextJoiner.joinWrapped("Model 3", "5 sold")).isEqualTo("Model 3 5 sold");
    }
}
