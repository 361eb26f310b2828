package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.contract.DeadLetterReason;

/** Layout rules on synthetic Chinese pages (positioned lines, no PDF). */
class IssueAssemblerTests {

    private final IssueAssembler assembler = new IssueAssembler();

    @Test
    void joinsTitleWrappedOverSeveralLinesWithoutSpaces() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●总投资 130 亿元的储能电池头部企业鹏辉能源项目与青岛城阳区人民政府签署投资协议并",
                        "举行签约仪式，标志着项目正式落户城阳区储能产业园，同时启动储能电池", "研发中心")
                .paragraph("城阳区日前与储能电池头部企业鹏辉能源签署投资协议。")
                .paragraph("■项目将分三期进行建设（青岛市政府网站）。");
        ParsedArticle article = single(layout);
        assertThat(article.title()).as("title, also without the blanks around the number")
                .isEqualTo("总投资130亿元的储能电池头部企业鹏辉能源项目与青岛城阳区人民政府签署投资协议并"
                        + "举行签约仪式，标志着项目正式落户城阳区储能产业园，同时启动储能电池研发中心");
        assertThat(article.lead()).as("lead").isEqualTo("城阳区日前与储能电池头部企业鹏辉能源签署投资协议。");
        assertThat(article.body()).as("body").isEqualTo("项目将分三期进行建设（青岛市政府网站）。");
    }

    @Test
    void continuesBodyOnNextPageAcrossRunningHeaderAndPageNumber() {
        LayoutBuilder layout = coverAndToc().bodyPage(7)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("5月23日，苏阜产业园区揭牌仪式在阜举行。")
                .paragraph("■根据双方约定，由双方国资公司共同出资成立产业合作公司——苏阜发展合作开发有限公司应运",
                        "而生。该公司由苏州中新产投、阜阳建投共同投资组建，将以“轻资产引路、产业化开发、政策性引")
                .bodyPage(8)
                .continuation("导、市场化运营”为合作开发思路（阜阳市政府网站）。");
        ParsedArticle article = single(layout);
        assertThat(article.body()).as("body joined across the page break")
                .isEqualTo("根据双方约定，由双方国资公司共同出资成立产业合作公司——苏阜发展合作开发有限公司应运而生。"
                        + "该公司由苏州中新产投、阜阳建投共同投资组建，将以“轻资产引路、产业化开发、政策性引导、"
                        + "市场化运营”为合作开发思路（阜阳市政府网站）。");
        assertThat(article.page()).as("printed page of the title").isEqualTo(7);
        assertThat(article.sourceName()).as("source").isEqualTo("阜阳市政府网站");
    }

    @Test
    void separatesBodyParagraphsAtEachMarkerAndIndentation() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●天合光能扬州新能源产业园项目在扬州正式签约")
                .paragraph("■天合光能扬州新能源产业园位于扬州经开区朴席镇，规划总建筑面积约32万平方米，一期拟计",
                        "划投资新建年产10GW高效光伏电池。")
                .paragraph("■二期计划投资新建10GW大功率组件项目。")
                .paragraph("项目建成后年产值可超百亿元（扬州市政府网站）。");
        ParsedArticle article = single(layout);
        assertThat(article.lead()).as("lead").isEmpty();
        assertThat(article.body()).as("body paragraphs")
                .isEqualTo("天合光能扬州新能源产业园位于扬州经开区朴席镇，规划总建筑面积约32万平方米，一期拟计划投资新建年产10GW高效光伏电池。\n"
                        + "二期计划投资新建10GW大功率组件项目。\n项目建成后年产值可超百亿元（扬州市政府网站）。");
        assertThat(article.sourceName()).as("source of the last paragraph").isEqualTo("扬州市政府网站");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            园区周报             | 2023年6月1期 (总125期)          | 园区周报2023年6月1期(总125期)
            园区周报             | 2023 年 6 月 1 期 (总 125 期)   | 园区周报2023年6月1期(总125期)
            园 区 周 报          | 2023年6月1期（总125期）         | 园区周报2023年6月1期（总125期）
            Park World Weekly    | 2023 年 6 月 1 期 (总 125 期)   | Park World Weekly 2023年6月1期(总125期)
            """)
    void cleansTheIssueTitleAsArticleTitlesAreWhateverBlanksTheProducerPutIn(String masthead, String issueLine,
            String title) {
        LayoutBuilder layout = new LayoutBuilder().cover(masthead, issueLine).page()
                .line("目录", 282f, 21f)
                .tocLine("一、招商引资", 1)
                .tocLine("●苏阜产业园区正式揭牌", 1)
                .bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。");
        IssueMetadata metadata = this.assembler.assemble(layout.build()).metadata();
        assertThat(metadata.title()).as("issue title").isEqualTo(title);
        assertThat(metadata).as("issue number").extracting(IssueMetadata::serial, IssueMetadata::year,
                IssueMetadata::month, IssueMetadata::issueInMonth).containsExactly(125, 2023, 6, 1);
    }

    @Test
    void keepsOneSpaceBetweenLatinWordsJoinedAcrossALineWrap() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●Qualcomm joint innovation center opens")
                .paragraph("■The joint innovation center of Suzhou High-speed Railway New Town, Qualcomm and",
                        "Thundersoft opened in Xiangcheng district (Suzhou government website).");
        ParsedArticle article = single(layout);
        assertThat(article.body()).as("body").isEqualTo("The joint innovation center of Suzhou High-speed Railway "
                + "New Town, Qualcomm and Thundersoft opened in Xiangcheng district (Suzhou government website).");
        assertThat(article.sourceName()).as("source").isEqualTo("Suzhou government website");
    }

    @Test
    void readsHalfWidthSourceAttributionAndLeavesRemarksInBracketsAlone() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●西部陆海新通道骨干工程平陆运河全线开工建设")
                .paragraph("■平陆运河建成后，将直接连通西江航运干线和北部湾港口(广西政府网站)。")
                .title("●中景石化投资 180 亿元在福建打造碳四新材料产业链")
                .paragraph("■项目规划建设年产 90 万吨 BDO 装置（一期）。");
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.articles()).extracting(ParsedArticle::sourceName).as("sources")
                .containsExactly("广西政府网站", null);
        assertThat(issue.warnings()).as("warnings").contains("Article 2 \"中景石化投资180亿元在福建打造碳四新材料产业链\" "
                + "ends with \"（一期）\", which does not look like a source; sourceName left empty");
    }

    @Test
    void takesSectionsFromAnyNumberedHeading() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●招商检测华东基地正式落户合肥")
                .paragraph("■招商检测华东基地项目正式落户合肥（合肥市政府网站）。")
                .section("四、园区动态")
                .title("●苏州工业园区发布新一轮产业政策")
                .paragraph("■政策涵盖人才、金融和科技创新（苏州工业园区网站）。");
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.articles()).extracting(ParsedArticle::section).as("sections")
                .containsExactly("招商引资", "园区动态");
    }

    @Test
    void leavesClosingNoteAndBackMatterOutOfTheLastArticle() {
        LayoutBuilder layout = secondPage(coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■根据双方约定，由双方国资公司共同出资成立产业合作公司——苏阜发展合作开发有限公司应运",
                        "而生。该公司由苏州中新产投、阜阳建投共同投资组建，将以“轻资产引路、产业化开发、政策性引",
                        "导、市场化运营”为合作开发思路（阜阳市政府网站）。"))
                .line("注：“园区周报”的内容，均根据公开信息梳理而成，仅供学习交流，严禁用于商业用途，如有异议，请联系我", 81f, 12f)
                .line("们。更多期“园区周报”内容，请登录园区世界网（www.parkworld.net）浏览及下载。", LayoutBuilder.LEFT, 12f)
                .line("园区世界编辑部", LayoutBuilder.LEFT, 14f);
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.articles()).as("articles").last().extracting(ParsedArticle::body).as("body of the last article")
                .isEqualTo("招商检测华东基地项目正式落户合肥（合肥市政府网站）。");
        assertThat(issue.warnings()).as("warnings: only text in body size after the note, which could be a lost article")
                .containsExactly("Ignored 1 line outside any article on page 2: \"园区世界编辑部\"");
    }

    @Test
    void joinsTitleSetInBodySizeWhileItsLinesRunToTheMargin() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .fullLine("●总投资 521 亿元的中海壳牌惠州三期乙烯项目在惠州市大亚湾石化区举行开工仪式并同步启动", LayoutBuilder.LEFT, 14f)
                .line("配套项目建设", LayoutBuilder.LEFT, 14f)
                .paragraph("中海壳牌惠州三期乙烯项目在惠州市大亚湾石化区举行开工仪式。")
                .paragraph("■项目总投资额约 521 亿元（广东省政府网站）。");
        ParsedArticle article = single(layout);
        assertThat(article.title()).as("title").isEqualTo(
                "总投资521亿元的中海壳牌惠州三期乙烯项目在惠州市大亚湾石化区举行开工仪式并同步启动配套项目建设");
        assertThat(article.lead()).as("lead").isEqualTo("中海壳牌惠州三期乙烯项目在惠州市大亚湾石化区举行开工仪式。");
    }

    @Test
    void takesTextWithoutBodyMarkerAsBodyAndWarns() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●南航深圳新基地建设开工仪式举行")
                .paragraph("南航深圳新基地项目总建筑面积 33.8 万平方米（深圳市政府网站）。");
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.articles()).singleElement().satisfies((article) -> {
            assertThat(article.lead()).as("lead").isEmpty();
            assertThat(article.body()).as("body").isEqualTo("南航深圳新基地项目总建筑面积33.8万平方米（深圳市政府网站）。");
        });
        assertThat(issue.warnings()).as("warnings").anySatisfy((warning) -> assertThat(warning)
                .contains("Article 1", "no ■ body marker"));
    }

    @Test
    void usesPhysicalPageNumberWhenNoneIsPrinted() {
        LayoutBuilder layout = coverAndToc().page()
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。");
        assertThat(single(layout).page()).as("physical page of the title").isEqualTo(3);
    }

    @Test
    void reportsEveryDifferenceToTheTableOfContents() {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年6月1期 (总125期)").page()
                .line("目录", 282f, 21f)
                .tocLine("一、招商引资", 1)
                .tocLine("●苏阜产业园区正式揭牌", 1)
                .tocLine("●招商检测华东基地正式落户合肥", 1)
                .tocLine("●西门子医疗追加投资在深圳建设高端医疗设备研发制造基地", 2)
                .bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。")
                .bodyPage(2)
                .title("●西门子医疗追加投资在深圳建设全新高端医疗设备研发制造基地")
                .paragraph("■西门子医疗将追加投资（深圳市政府网站）。")
                .title("●中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产")
                .paragraph("■项目全面投产（青海省政府网站）。");
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.articles()).extracting(ParsedArticle::tocTitle).as("toc titles").containsExactly(
                "苏阜产业园区正式揭牌", "西门子医疗追加投资在深圳建设高端医疗设备研发制造基地", null);
        assertThat(issue.warnings()).as("warnings").containsExactlyInAnyOrder(
                "Article 2 \"西门子医疗追加投资在深圳建设全新高端医疗设备研发制造基地\" is listed in the table of contents as "
                        + "\"西门子医疗追加投资在深圳建设高端医疗设备研发制造基地\"",
                "Article 3 \"中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产\" (page 2) is missing from the table of contents",
                "Table of contents lists \"招商检测华东基地正式落户合肥\" (page 1) but no such article was found");
    }

    @Test
    void reportsPageAndSectionMismatchesWithTheTableOfContents() {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年6月1期 (总125期)").page()
                .tocLine("一、招商引资", 1)
                .tocLine("●苏阜产业园区正式揭牌", 1)
                .tocLine("二、综合资讯", 2)
                .tocLine("●招商检测华东基地正式落户合肥", 2)
                .tocLine("●中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产", 2)
                .bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。")
                .title("●招商检测华东基地正式落户合肥")
                .paragraph("■项目落户合肥（合肥市政府网站）。")
                .bodyPage(2)
                .section("二、综合资讯")
                .title("●中复神鹰西宁年产2.5万吨高性能碳纤维项目全面投产")
                .paragraph("■项目全面投产（青海省政府网站）。");
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.warnings()).as("warnings").containsExactlyInAnyOrder(
                "Article 2 \"招商检测华东基地正式落户合肥\" is on page 1 but the table of contents says page 2",
                "Article 2 \"招商检测华东基地正式落户合肥\" is in section \"招商引资\" but the table of contents lists it under \"综合资讯\"");
    }

    @Test
    void warnsAboutMissingTableOfContents() {
        LayoutBuilder layout = new LayoutBuilder().cover("2023年6月1期 (总125期)").bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。");
        ParsedIssue issue = this.assembler.assemble(secondPage(layout).build());
        assertThat(issue.articles()).as("articles").hasSize(2);
        assertThat(issue.warnings()).as("warnings").containsExactly(
                "No table of contents found; articles were not cross-checked");
    }

    @Test
    void warnsAboutTextOutsideAnyArticle() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .paragraph("本期导读：五月下旬全国各地园区招商引资活动频繁。")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。");
        ParsedIssue issue = this.assembler.assemble(secondPage(layout).build());
        assertThat(issue.articles()).as("articles").hasSize(2);
        assertThat(issue.warnings()).as("warnings")
                .containsExactly("Ignored 1 line outside any article on page 1: \"本期导读：五月下旬全国各地园区招商引资活动频繁。\"");
    }

    @Test
    void reportsUnreadablePagesAndKeepsTheOthers() {
        LayoutBuilder layout = coverAndToc().bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。")
                .unreadablePage("Missing descendant font array");
        ParsedIssue issue = this.assembler.assemble(secondPage(layout).build());
        assertThat(issue.pageCount()).as("page count").isEqualTo(5);
        assertThat(issue.articles()).as("articles").extracting(ParsedArticle::page).containsExactly(1, 2);
        assertThat(issue.warnings()).as("warnings")
                .containsExactly("Page 4 could not be read and was skipped: Missing descendant font array");
    }

    @Test
    void readsIssueNumberWithBlanksAndHalfWidthBrackets() {
        LayoutBuilder layout = new LayoutBuilder().cover("2024 年 11 月 2 期 ( 总 160 期 )").bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。");
        IssueMetadata metadata = this.assembler.assemble(layout.build()).metadata();
        assertThat(metadata).as("metadata")
                .isEqualTo(new IssueMetadata(160, 2024, 11, 2, "园区周报2024年11月2期(总160期)"));
    }

    @Test
    void rejectsCoverWithoutIssueNumberAsNotAnIssue() {
        LayoutBuilder layout = new LayoutBuilder().cover("汇总一周园区资讯").bodyPage(1)
                .section("一、招商引资")
                .title("●苏阜产业园区正式揭牌")
                .paragraph("■苏阜产业园区正式揭牌（阜阳市政府网站）。");
        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> this.assembler.assemble(layout.build()));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason").isEqualTo(DeadLetterReason.NOT_AN_ISSUE);
        assertThat(rejection.getMessage()).as("message").contains("No issue number");
    }

    @Test
    void rejectsIssueWithoutArticlesAsNotAnIssue() {
        LayoutBuilder layout = coverAndToc().bodyPage(1).line("本期暂停出版。", LayoutBuilder.INDENT, 14f);
        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> this.assembler.assemble(layout.build()));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason").isEqualTo(DeadLetterReason.NOT_AN_ISSUE);
        assertThat(rejection.getMessage()).as("message").contains("has no articles");
    }

    /** Cover and a one-page table of contents listing 苏阜产业园区正式揭牌 (page 1) and 招商检测华东基地正式落户合肥 (page 2). */
    private static LayoutBuilder coverAndToc() {
        return new LayoutBuilder().cover("2023年6月1期 (总125期)").page()
                .line("目录", 282f, 21f)
                .tocLine("一、招商引资", 1)
                .tocLine("●苏阜产业园区正式揭牌", 1)
                .tocLine("●招商检测华东基地正式落户合肥", 2);
    }

    /**
     * Body page 2 with the second article of {@link #coverAndToc()}; with two body pages the
     * running header repeats and is recognized.
     */
    private static LayoutBuilder secondPage(LayoutBuilder layout) {
        return layout.bodyPage(2)
                .title("●招商检测华东基地正式落户合肥")
                .paragraph("■招商检测华东基地项目正式落户合肥（合肥市政府网站）。");
    }

    private ParsedArticle single(LayoutBuilder layout) {
        ParsedIssue issue = this.assembler.assemble(layout.build());
        assertThat(issue.articles()).as("articles").hasSize(1);
        return issue.articles().get(0);
    }
}
