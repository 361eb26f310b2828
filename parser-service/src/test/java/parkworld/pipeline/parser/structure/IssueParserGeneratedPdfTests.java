package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;

import parkworld.pipeline.parser.fixtures.IssuePdf;
import parkworld.pipeline.parser.fixtures.Producer;
import parkworld.pipeline.parser.pdf.PdfTextReader;
import parkworld.pipeline.parser.pdf.TextLine;
import parkworld.pipeline.parser.publish.ArticleIds;

/**
 * Parses small PDFs generated in each test (cover, table of contents, article pages) for layouts
 * that the real issue-121 fixture does not have.
 */
class IssueParserGeneratedPdfTests {

    private static final String HEADER = "园区周报 2023年5月4期";

    private final IssueParser parser = new IssueParser();

    @Test
    void joinsTitleWrappedOntoASecondAndThirdLine() {
        String title = "总投资130亿元的储能电池头部企业鹏辉能源项目与青岛城阳区人民政府签署投资协议并举行签约仪式，"
                + "标志着项目正式落户城阳区储能产业园，同时启动储能电池研发中心建设";
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 1).title("●" + title, 1).title("●苏阜产业园区正式揭牌", 2))
                .page((page) -> page.header(HEADER).section("一、招商引资")
                        .title("●" + title)
                        .lead("城阳区日前与储能电池头部企业鹏辉能源签署投资协议，总投资约130亿元、年产36GWh储能电池。")
                        .body("■项目将分三期进行建设，一期建设年产12GWh储能电池项目，计划今年9月底前开工，"
                                + "2024年12月底前建成投产（青岛市政府网站）。")
                        .footer("1"))
                .page((page) -> page.header(HEADER)
                        .title("●苏阜产业园区正式揭牌")
                        .body("■5月23日，苏阜产业园区揭牌仪式在阜举行，两市将共建新能源汽车零部件产业基地（阜阳市政府网站）。")
                        .footer("2"))
                .build();
        assertThat(printedLines(pdf, 3, 15f)).as("title lines printed on the first article page").hasSize(3);

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).extracting(ParsedArticle::title).as("titles")
                .containsExactly(title, "苏阜产业园区正式揭牌");
        ParsedArticle article = issue.articles().get(0);
        assertThat(article.lead()).as("lead, not taken for another title line")
                .isEqualTo("城阳区日前与储能电池头部企业鹏辉能源签署投资协议，总投资约130亿元、年产36GWh储能电池。");
        assertThat(article.tocTitle()).as("title wrapped in the table of contents too").isEqualTo(title);
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    @Test
    void readsArticlesOfAFourthSectionListedInTheToc() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 1).title("●招商检测华东基地正式落户合肥", 1)
                        .section("二、综合资讯", 1).title("●2023中国国际大数据产业博览会在贵阳开幕", 1)
                        .section("三、政策法规", 2).title("●《京津冀产业协同发展实施方案》印发", 2)
                        .section("四、园区动态", 2).title("●苏州工业园区发布新一轮产业政策", 2)
                        .title("●上海机场苏州城市航站楼在苏州工业园区正式启用", 2))
                .page((page) -> page.header(HEADER)
                        .section("一、招商引资")
                        .title("●招商检测华东基地正式落户合肥")
                        .body("■招商检测华东基地项目正式落户合肥高新区，总投资5亿元，主要建设检测实验室（合肥市政府网站）。")
                        .section("二、综合资讯")
                        .title("●2023中国国际大数据产业博览会在贵阳开幕")
                        .body("■5月26日，2023中国国际大数据产业博览会在贵州省贵阳市开幕，会期3天（贵州省政府网站）。")
                        .footer("1"))
                .page((page) -> page.header(HEADER)
                        .section("三、政策法规")
                        .title("●《京津冀产业协同发展实施方案》印发")
                        .body("■方案提出，到2025年京津冀产业分工定位更加清晰，产业链创新链深度融合（工业和信息化部网站）。")
                        .section("四、园区动态")
                        .title("●苏州工业园区发布新一轮产业政策")
                        .body("■政策涵盖人才引进、科技金融和创新平台建设，每年安排专项资金不少于10亿元（苏州工业园区网站）。")
                        .title("●上海机场苏州城市航站楼在苏州工业园区正式启用")
                        .body("■航站楼提供值机、行李托运和往返浦东、虹桥两大机场的大巴接驳服务（苏州市政府网站）。")
                        .footer("2"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).as("sections and titles").extracting(ParsedArticle::section, ParsedArticle::title)
                .containsExactly(
                        tuple("招商引资", "招商检测华东基地正式落户合肥"),
                        tuple("综合资讯", "2023中国国际大数据产业博览会在贵阳开幕"),
                        tuple("政策法规", "《京津冀产业协同发展实施方案》印发"),
                        tuple("园区动态", "苏州工业园区发布新一轮产业政策"),
                        tuple("园区动态", "上海机场苏州城市航站楼在苏州工业园区正式启用"));
        assertThat(issue.articles()).as("articles matched with the table of contents")
                .extracting(ParsedArticle::tocTitle).doesNotContainNull();
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    @Test
    void continuesBodyOnTheNextPageAcrossRunningHeaderAndPageNumber() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 7).title("●苏阜产业园区正式揭牌", 7)
                        .title("●招商检测华东基地正式落户合肥", 8))
                .page((page) -> page.header(HEADER).section("一、招商引资")
                        .title("●苏阜产业园区正式揭牌")
                        .lead("5月23日，苏阜产业园区揭牌仪式在阜举行。")
                        .body("■根据双方约定，由双方国资公司共同出资成立产业合作公司——苏阜发展合作开发有限公司应运而生。"
                                + "该公司由苏州中新产投、阜阳建投共同投资组建，将以“轻资产引路、产业化开发、政策性引")
                        .footer("7"))
                .page((page) -> page.header(HEADER)
                        .continued("导、市场化运营”为合作开发思路，力争到2025年引进项目50个（阜阳市政府网站）。")
                        .title("●招商检测华东基地正式落户合肥")
                        .body("■招商检测华东基地项目正式落户合肥高新区，总投资5亿元（合肥市政府网站）。")
                        .footer("8"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).as("articles").hasSize(2);
        ParsedArticle article = issue.articles().get(0);
        assertThat(article.body()).as("body joined across the page break, without header or page number")
                .isEqualTo("根据双方约定，由双方国资公司共同出资成立产业合作公司——苏阜发展合作开发有限公司应运而生。"
                        + "该公司由苏州中新产投、阜阳建投共同投资组建，将以“轻资产引路、产业化开发、政策性引导、"
                        + "市场化运营”为合作开发思路，力争到2025年引进项目50个（阜阳市政府网站）。");
        assertThat(article.sourceName()).as("source at the end of the continued body").isEqualTo("阜阳市政府网站");
        assertThat(issue.articles()).extracting(ParsedArticle::page).as("printed pages of the titles")
                .containsExactly(7, 8);
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    @Test
    void readsSourcesInHalfAndFullWidthBracketsAndNoneWhereNoneIsGiven() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("二、综合资讯", 15).title("●西部陆海新通道骨干工程平陆运河全线开工建设", 15)
                        .title("●苏州高铁新城·Qualcomm（高通）中国·中科创达联合创新中心开业", 15)
                        .title("●南航深圳新基地建设开工仪式举行", 16))
                .page((page) -> page.header(HEADER).section("二、综合资讯")
                        .title("●西部陆海新通道骨干工程平陆运河全线开工建设")
                        .body("■平陆运河建成后，将直接连通西江航运干线和北部湾港口，每年可节省运输费用52亿元以上(广西政府网站)。")
                        .title("●苏州高铁新城·Qualcomm（高通）中国·中科创达联合创新中心开业")
                        .body("■联合创新中心由苏州高铁新城、Qualcomm China和中科创达共同建设（苏州市政府网站）。")
                        .footer("15"))
                .page((page) -> page.header(HEADER)
                        .title("●南航深圳新基地建设开工仪式举行")
                        .body("■项目建成后，全部为南航自用，将成为南航在粤港澳大湾区的重要运行保障基地。")
                        .footer("16"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).as("sources and bodies")
                .extracting(ParsedArticle::sourceName, ParsedArticle::body)
                .containsExactly(
                        tuple("广西政府网站", "平陆运河建成后，将直接连通西江航运干线和北部湾港口，每年可节省运输费用52亿元以上(广西政府网站)。"),
                        tuple("苏州市政府网站", "联合创新中心由苏州高铁新城、Qualcomm China和中科创达共同建设（苏州市政府网站）。"),
                        tuple(null, "项目建成后，全部为南航自用，将成为南航在粤港澳大湾区的重要运行保障基地。"));
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    @Test
    void separatesSeveralBodyParagraphsWithNewlines() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 12).title("●天合光能扬州新能源产业园项目在扬州正式签约", 12)
                        .title("●北京奔图总部正式落户北京经开区国家信创园", 13))
                .page((page) -> page.header(HEADER).section("一、招商引资")
                        .title("●天合光能扬州新能源产业园项目在扬州正式签约")
                        .body("■天合光能扬州新能源产业园位于扬州经开区朴席镇，规划总建筑面积约32万平方米，"
                                + "一期拟计划投资新建年产10GW高效光伏电池。")
                        .body("■二期计划投资新建10GW大功率组件项目，三期计划投资新建储能系统集成项目。")
                        .body("■项目建成后年产值可超百亿元（扬州市政府网站）。")
                        .footer("12"))
                .page((page) -> page.header(HEADER)
                        .title("●北京奔图总部正式落户北京经开区国家信创园")
                        .body("■奔图总部项目将建设研发中心和打印机核心部件生产基地（北京市政府网站）。")
                        .footer("13"))
                .build();

        ParsedArticle article = this.parser.parse(pdf).articles().get(0);
        assertThat(article.lead()).as("lead").isEmpty();
        assertThat(article.body()).as("body, one line per ■ paragraph").isEqualTo(
                "天合光能扬州新能源产业园位于扬州经开区朴席镇，规划总建筑面积约32万平方米，一期拟计划投资新建年产10GW高效光伏电池。\n"
                        + "二期计划投资新建10GW大功率组件项目，三期计划投资新建储能系统集成项目。\n"
                        + "项目建成后年产值可超百亿元（扬州市政府网站）。");
        assertThat(article.sourceName()).as("source of the last paragraph").isEqualTo("扬州市政府网站");
    }

    @Test
    void readsJanuaryIssueThatReportsDecemberNews() {
        byte[] pdf = IssuePdf.issue(153, "2024 年 1 月 1 期")
                .toc((toc) -> toc.section("一、招商引资", 1).title("●中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产", 1)
                        .title("●苏阜产业园区正式揭牌", 2))
                .page((page) -> page.header("园区周报 2024年1月1期").section("一、招商引资")
                        .title("●中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产")
                        .lead("2023年12月28日，中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产。")
                        .body("■项目于12月29日实现满负荷运行，年产值可达50亿元（青海省政府网站）。")
                        .footer("1"))
                .page((page) -> page.header("园区周报 2024年1月1期")
                        .title("●苏阜产业园区正式揭牌")
                        .body("■12月30日，苏阜产业园区揭牌仪式在阜举行（阜阳市政府网站）。")
                        .footer("2"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.metadata()).as("metadata")
                .isEqualTo(new IssueMetadata(153, 2024, 1, 1, "园区周报2024年1月1期(总153期)"));
        assertThat(issue.articles()).extracting(ParsedArticle::lead, ParsedArticle::body).as("dates as printed")
                .containsExactly(
                        tuple("2023年12月28日，中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产。",
                                "项目于12月29日实现满负荷运行，年产值可达50亿元（青海省政府网站）。"),
                        tuple("", "12月30日，苏阜产业园区揭牌仪式在阜举行（阜阳市政府网站）。"));
    }

    @ParameterizedTest
    @EnumSource(Producer.class)
    void readsTheSameArticlesWhicheverProgramMadeThePdf(Producer producer) {
        byte[] pdf = mixedChineseAndLatinIssue(producer);
        byte[] reference = mixedChineseAndLatinIssue(Producer.WORD_PROCESSOR);
        if (producer != Producer.WORD_PROCESSOR) {
            assertThat(printedLines(pdf, 3, 14f)).as("lines of the first article page as %s prints them", producer)
                    .isNotEqualTo(printedLines(reference, 3, 14f));
        }

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).as("articles rendered by %s", producer)
                .extracting(ParsedArticle::title, ParsedArticle::lead, ParsedArticle::body, ParsedArticle::sourceName,
                        ParsedArticle::page)
                .containsExactly(
                        tuple("晶澳宁晋智造基地6吉瓦N型倍秀电池项目在邢台投产",
                                "5月24日，晶澳宁晋智造基地6吉瓦N型倍秀电池项目在东城光伏产业园投产。",
                                "晶澳在该园区总投资32亿元，规划年产能1吉瓦拉晶、10吉瓦切片、6吉瓦电池，引进全球领先的N型"
                                        + "TOPCon电池技术，采用Smart Factory管理系统，达产后年产值约50亿元。\n"
                                        + "该项目计划2024年12月底前完成二期建设，届时总产能将达到20吉瓦（邢台市政府网站）。",
                                "邢台市政府网站", 1),
                        tuple("苏州高铁新城·Qualcomm（高通）中国·中科创达联合创新中心开业", "",
                                "5月26日，由Qualcomm China和Thundersoft共建的联合创新中心在相城区开业，首批入驻企业18家"
                                        + "（苏州市政府网站）。",
                                "苏州市政府网站", 2));
        assertThat(articleIds(issue)).as("article ids").isEqualTo(articleIds(this.parser.parse(reference)));
        assertThat(issue.warnings()).as("warnings").isEmpty();
    }

    @Test
    void takesThePhysicalPageForAnArticleOnAPageWithoutNumber() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 1).title("●苏阜产业园区正式揭牌", 1)
                        .title("●招商检测华东基地正式落户合肥", 2))
                .page((page) -> page.header(HEADER).section("一、招商引资")
                        .title("●苏阜产业园区正式揭牌")
                        .body("■5月23日，苏阜产业园区揭牌仪式在阜举行（阜阳市政府网站）。")
                        .footer("1"))
                .page((page) -> page.header(HEADER)
                        .title("●招商检测华东基地正式落户合肥")
                        .body("■招商检测华东基地项目正式落户合肥高新区，总投资5亿元（合肥市政府网站）。"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).extracting(ParsedArticle::page).as("pages: printed 1, then physical page 4")
                .containsExactly(1, 4);
        assertThat(issue.warnings()).as("warnings").containsExactly(
                "Article 2 \"招商检测华东基地正式落户合肥\" is on page 4 but the table of contents says page 2");
    }

    @Test
    void warnsAboutTocEntryWithoutArticleAndArticleMissingFromToc() {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期")
                .toc((toc) -> toc.section("一、招商引资", 1).title("●苏阜产业园区正式揭牌", 1)
                        .title("●西门子长三角人工智能共创实验室在苏州启用", 1)
                        .title("●招商检测华东基地正式落户合肥", 2))
                .page((page) -> page.header(HEADER).section("一、招商引资")
                        .title("●苏阜产业园区正式揭牌")
                        .body("■5月23日，苏阜产业园区揭牌仪式在阜举行（阜阳市政府网站）。")
                        .footer("1"))
                .page((page) -> page.header(HEADER)
                        .title("●招商检测华东基地正式落户合肥")
                        .body("■招商检测华东基地项目正式落户合肥高新区，总投资5亿元（合肥市政府网站）。")
                        .title("●明治乳业（天津）有限公司工厂在经开区开业")
                        .body("■5月22日，明治乳业（天津）有限公司工厂在经开区开业（天津市政府网站）。")
                        .footer("2"))
                .build();

        ParsedIssue issue = this.parser.parse(pdf);
        assertThat(issue.articles()).extracting(ParsedArticle::tocTitle).as("toc titles")
                .containsExactly("苏阜产业园区正式揭牌", "招商检测华东基地正式落户合肥", null);
        assertThat(issue.warnings()).as("warnings").containsExactlyInAnyOrder(
                "Article 3 \"明治乳业（天津）有限公司工厂在经开区开业\" (page 2) is missing from the table of contents",
                "Table of contents lists \"西门子长三角人工智能共创实验室在苏州启用\" (page 1) but no such article was found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2023年5月4期（总121期）        | 园区周报2023年5月4期（总121期）
            2023 年 5 月 4 期 (总 121 期)  | 园区周报2023年5月4期(总121期)
            2023年5月4期 (总121期)         | 园区周报2023年5月4期(总121期)
            """)
    void readsTheIssueNumberWithOrWithoutBlanksAndInEitherBrackets(String coverLine, String title) {
        byte[] pdf = IssuePdf.issue(121, "2023年5月4期").coverLine(coverLine)
                .page((page) -> page.section("一、招商引资")
                        .title("●苏阜产业园区正式揭牌")
                        .body("■5月23日，苏阜产业园区揭牌仪式在阜举行（阜阳市政府网站）。")
                        .footer("1"))
                .build();
        assertThat(this.parser.parse(pdf).metadata()).as("metadata from the cover line \"%s\"", coverLine)
                .isEqualTo(new IssueMetadata(121, 2023, 5, 4, title));
    }

    /** Two articles with digits and Latin words in every part, the first running onto a second page. */
    private static byte[] mixedChineseAndLatinIssue(Producer producer) {
        return IssuePdf.issue(121, "2023年5月4期").producer(producer)
                .toc((toc) -> toc.section("一、招商引资", 1).title("●晶澳宁晋智造基地6吉瓦N型倍秀电池项目在邢台投产", 1)
                        .title("●苏州高铁新城·Qualcomm（高通）中国·中科创达联合创新中心开业", 2))
                .page((page) -> page.header(HEADER).section("一、招商引资")
                        .title("●晶澳宁晋智造基地6吉瓦N型倍秀电池项目在邢台投产")
                        .lead("5月24日，晶澳宁晋智造基地6吉瓦N型倍秀电池项目在东城光伏产业园投产。")
                        .body("■晶澳在该园区总投资32亿元，规划年产能1吉瓦拉晶、10吉瓦切片、6吉瓦电池，引进全球领先的N型"
                                + "TOPCon电池技术，采用Smart Factory管理系统，达产后年产值约50亿元。")
                        .body("■该项目计划2024年12月底前完成二期建设，")
                        .footer("1"))
                .page((page) -> page.header(HEADER)
                        .continued("届时总产能将达到20吉瓦（邢台市政府网站）。")
                        .title("●苏州高铁新城·Qualcomm（高通）中国·中科创达联合创新中心开业")
                        .body("■5月26日，由Qualcomm China和Thundersoft共建的联合创新中心在相城区开业，首批入驻企业18家"
                                + "（苏州市政府网站）。")
                        .footer("2"))
                .build();
    }

    private static List<String> articleIds(ParsedIssue issue) {
        ArticleIds ids = new ArticleIds(issue.metadata().serial());
        return issue.articles().stream().map((article) -> ids.next(article.title())).toList();
    }

    /** The text of the lines in the given font size on a physical page, as PDFBox extracts them. */
    private static List<String> printedLines(byte[] pdf, int physicalPage, float fontSize) {
        return new PdfTextReader().read(pdf).pages().get(physicalPage - 1).lines().stream()
                .filter((line) -> line.fontSize() == fontSize).map(TextLine::text).toList();
    }
}
