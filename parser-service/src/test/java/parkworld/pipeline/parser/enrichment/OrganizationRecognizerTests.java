package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted.Organization;

class OrganizationRecognizerTests {

    private static OrganizationRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new OrganizationRecognizer(OrganizationTerms.load(), Gazetteer.load(), IndustryTaxonomy.load());
    }

    private static List<Organization> recognize(String title, String lead, String body) {
        return recognizer.recognize(title, lead, body, false);
    }

    @Test
    void findsABrandHanlpRecognizesInTheLeadAndTheCounterpartOfAGovernmentInvests() {
        assertThat(recognize("储能电池项目落户青岛", "城阳区日前与储能电池头部企业鹏辉能源签署投资协议。", ""))
                .containsExactly(new Organization("鹏辉能源", "investor"));
    }

    @Test
    void dropsGenericWordsHanlpTagsAsOrganizations() {
        assertThat(recognize("龙头企业回归", "后因企业发展需求外迁总部，第七届中国民营企业合作大会举行。", "")).isEmpty();
    }

    @Test
    void aSuffixWithoutANameBeforeItIsNoOrganization() {
        assertThat(recognize("签约", "", "该控股有限公司是集团“十四五”重点培育的单元，产业园借助高校资源发展。")).isEmpty();
    }

    @Test
    void aParkNameStopsAtTheVerbThatBuildsItButACompanyNameKeepsIt() {
        List<Organization> found = recognize("签约", "",
                "双方将在宿州市建设光电显示产业园，由中铁第五建设有限公司承建。");
        assertThat(found).extracting(Organization::name).contains("中铁第五建设有限公司")
                .noneMatch((name) -> name.contains("建设光电显示产业园"));
    }

    @Test
    void aGroupAndTheSameNameWithItsLegalFormAreOneOrganization() {
        assertThat(recognize("签约", "", "华东重工集团与市政府签约，华东重工集团有限公司将投资建设装备基地。"))
                .extracting(Organization::name).containsExactly("华东重工集团有限公司");
    }

    @Test
    void aNameRunsLeftFromItsSuffixToTheFirstFunctionWord() {
        assertThat(recognize("中景石化投资 180 亿元在福建打造碳四新材料产业链", "",
                "现场，中景石化还与北京航天动力研究所、中国化学工程第三建设有限公司等国内 10 多家单位举行了签约仪式。"))
                .contains(new Organization("中景石化", "investor"), new Organization("北京航天动力研究所", "partner"),
                        new Organization("中国化学工程第三建设有限公司", "partner"));
    }

    @Test
    void keepsABracketedPlaceInsideAName() {
        assertThat(recognize("明治乳业（天津）有限公司工厂在经开区开业", "", ""))
                .containsExactly(new Organization("明治乳业（天津）有限公司", "investor"));
    }

    @Test
    void aParkNameTakesInTheZoneItIsIn() {
        assertThat(recognize("北京奔图总部正式落户北京经开区国家信创园", "", ""))
                .contains(new Organization("北京经开区国家信创园", "park"))
                .noneMatch(o -> o.name().equals("北京经开区") || o.name().equals("国家信创园"));
    }

    @Test
    void governmentBodiesByWholeNameAndBySuffix() {
        assertThat(recognize("方案印发", "", "工信部会同国家发展改革委、科技部编制。西门子（深圳）磁共振有限公司与深圳市南山区人民政府签署协议。"))
                .containsExactly(new Organization("工信部", "government"), new Organization("国家发展改革委", "government"),
                        new Organization("科技部", "government"), new Organization("西门子（深圳）磁共振有限公司", "investor"),
                        new Organization("深圳市南山区人民政府", "government"));
    }

    @Test
    void aShortNameInsideTheFullNameIsOneOrganizationAndKeepsTheTitlesRole() {
        assertThat(recognize("西门子长三角人工智能共创实验室在苏州启用", "",
                "实验室由西门子(中国)有限公司与苏州科技城管理委员会共同建设，西门子将开展合作。"))
                .containsExactly(new Organization("西门子(中国)有限公司", "investor"),
                        new Organization("苏州科技城管理委员会", "government"));
    }

    @Test
    void aFullNameInsideALongerOneIsAnotherOrganization() {
        assertThat(recognize("产业园区启动", "", "扬子江药业集团是一家大型医药企业，成立扬子江药业集团上海海尼药业有限公司。"))
                .extracting(Organization::name).containsExactly("扬子江药业集团", "扬子江药业集团上海海尼药业有限公司");
    }

    @Test
    void aUniversitysParkIsItsCampusNotAPark() {
        assertThat(recognize("华中科技大学军山校区正式开工", "", "华中科技大学国际教育科技创新园区(军山校区)在武汉经开区正式开工。"))
                .containsExactly(new Organization("华中科技大学", "investor"), new Organization("武汉经开区", "park"));
    }

    @Test
    void aParkNameThatBeginsAProjectNameIsNoPark() {
        assertThat(recognize("食品谷项目动工", "", "深圳科技园湾西国际食品谷项目正式动工。")).isEmpty();
    }

    @Test
    void theCounterpartNamedAfterYuIsAPartner() {
        assertThat(recognize("项目签约", "", "活动现场，盐城市与南京师范大学签订战略合作协议。"))
                .containsExactly(new Organization("南京师范大学", "partner"));
    }

    @Test
    void inAPolicyArticleNobodyInvests() {
        assertThat(recognizer.recognize("《上海期货交易所2023—2025年战略规划》正式发布", "", "", true))
                .containsExactly(new Organization("上海期货交易所", "other"));
    }

    @Test
    void theSourceWebsiteIsNotWhatTheArticleIsAbout() {
        ArticleEnricher enricher = new ArticleEnricher();
        assertThat(enricher.enrich("项目开工", "", "项目开工建设（苏州工业园区网站）。", "苏州工业园区网站", null).organizations())
                .isEmpty();
    }
}
