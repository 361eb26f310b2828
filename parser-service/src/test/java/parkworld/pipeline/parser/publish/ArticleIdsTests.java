package parkworld.pipeline.parser.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTests {

    @Test
    void sameTitleOfSameIssueGetsSameIdWhateverTheSpacingOrWidth() {
        String chrome = new ArticleIds(121).next("深圳市 2023 年第二季度新开工项目集中启动 总投资达 3491.8 亿元");
        String word = new ArticleIds(121).next("深圳市2023年第二季度新开工项目集中启动总投资达3491.8亿元");
        String fullWidth = new ArticleIds(121).next("深圳市２０２３年第二季度新开工项目集中启动　总投资达３４９１．８亿元");

        assertThat(word).isEqualTo(chrome);
        assertThat(fullWidth).isEqualTo(chrome);
        assertThat(chrome).matches("121-[0-9a-f]{12}");
    }

    @Test
    void repeatedTitleInOneIssueGetsDistinctIds() {
        ArticleIds ids = new ArticleIds(121);

        String first = ids.next("政策速递");
        String second = ids.next("政策速递");

        assertThat(second).isEqualTo(first + "-2");
    }

    @Test
    void sameTitleInAnotherIssueGetsAnotherId() {
        assertThat(new ArticleIds(122).next("政策速递")).isNotEqualTo(new ArticleIds(121).next("政策速递"));
    }
}
