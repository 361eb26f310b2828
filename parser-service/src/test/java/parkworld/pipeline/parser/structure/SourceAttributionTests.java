package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceAttributionTests {

    @Test
    void findsFullWidthAttributionBeforeTheFullStop() {
        assertThat(SourceAttribution.find("总投资额达30亿元（中山市政府网站）。")).isEqualTo("中山市政府网站");
    }

    @Test
    void findsHalfWidthAttributionWithOrWithoutFullStop() {
        assertThat(SourceAttribution.find("节省运输费用 52 亿元以上(广西政府网站)。")).isEqualTo("广西政府网站");
        assertThat(SourceAttribution.find("会期3天(贵州省政府网站)")).isEqualTo("贵州省政府网站");
        assertThat(SourceAttribution.find("opened on Friday (Suzhou government website).")).isEqualTo(
                "Suzhou government website");
    }

    @Test
    void keepsBracketsInsideTheAttribution() {
        assertThat(SourceAttribution.find("项目开工（新华网（北京））。")).isEqualTo("新华网（北京）");
    }

    @Test
    void findsNothingWithoutClosingBrackets() {
        assertThat(SourceAttribution.find("项目建成后，全部为南航自用。")).isNull();
        assertThat(SourceAttribution.find("")).isNull();
    }

    @Test
    void ignoresBracketsThatAreRemarksRatherThanSources() {
        assertThat(SourceAttribution.find("年产 90 万吨 BDO 装置（一期）。")).isNull();
        assertThat(SourceAttribution.find("三年行动计划（2023-2025）")).isNull();
        assertThat(SourceAttribution.find("总投资约 3 亿元（约合 4000 万美元）。")).isNull();
    }

    @Test
    void looksOnlyAtTheLastParagraph() {
        assertThat(SourceAttribution.find("第一段（中山市政府网站）\n第二段没有来源。")).isNull();
    }
}
