package parkworld.pipeline.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each default candidate rule, the rules an operator configures after a redesign, and where the serial comes from. */
class CandidateRulesTests {

    private static final String PAGE = "https://www.parkworld.net/weekly/";

    private final CandidateRules defaults = new CandidateRules(Listings.defaults().candidates());

    private static Element link(String html) {
        return Jsoup.parse(html, PAGE).selectFirst("a");
    }

    private static URI target(Element link) {
        return LinkTargets.toUri(link.absUrl("href")).orElseThrow();
    }

    private static boolean isCandidate(CandidateRules rules, String html) {
        Element link = link(html);
        return rules.matchingRule(link, target(link)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            link text 园区周报                  | <a href="/show?id=7">园区周报 2023年5月4期</a>
            link text 总N期                     | <a href="/show?id=7">（总153期）</a>
            link text in the title attribute    | <a href="/show?id=7" title="园区周报 第153期">查看</a>
            url ending in .pdf                  | <a href="/files/a.pdf">下载</a>
            url .pdf with a query               | <a href="/files/a.PDF?v=2">下载</a>
            download endpoint without .pdf      | <a href="/download.php?id=153">下载</a>
            attachment endpoint without .pdf    | <a href="/attachment/153">附件</a>
            """)
    void aDefaultRuleMakesALinkACandidate(String rule, String html) {
        assertThat(isCandidate(this.defaults, html)).as(rule).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an ordinary page                     | <a href="/about">关于我们</a>
            an HTML page named 园区周报          | <a href="/news/153.html">园区周报 总153期 导读</a>
            the listing folder named 园区周报    | <a href="/weekly/">园区周报</a>
            a listing page of the listing        | <a href="/weekly/?page=2">园区周报 第2页</a>
            an image of an issue                 | <a href="/img/cover-153.jpg">总153期</a>
            a word containing download           | <a href="/downloader">工具</a>
            """)
    void aLinkNoRuleMatchesIsNoCandidate(String what, String html) {
        assertThat(isCandidate(this.defaults, html)).as(what).isFalse();
    }

    @Test
    void aConfiguredSelectorMakesLinksCandidatesWhateverTheirTextAndUrl() {
        CandidateRules rules = new CandidateRules(Listings.properties(Map.of("candidates.selector", "ul.issues a"))
            .candidates());
        String html = "<ul class=issues><li><a href=\"/get/153\">查看</a></li></ul><a href=\"/get/1\">查看</a>";
        var links = Jsoup.parse(html, PAGE).select("a");

        assertThat(rules.matchingRule(links.get(0), target(links.get(0)))).contains("selector");
        assertThat(rules.matchingRule(links.get(1), target(links.get(1)))).isEmpty();
    }

    @Test
    void aRedesignIsAConfigurationChange() {
        // The site now lists 产业园区周刊 at /res/<n>.bin: new patterns, the defaults replaced.
        CandidateRules rules = new CandidateRules(Listings.properties(Map.of(
                "candidates.link-text-patterns[0]", "产业园区周刊",
                "candidates.url-patterns[0]", "^/res/\\d+\\.bin$",
                "candidates.issue-serial-pattern", "第(\\d+)号")).candidates());

        assertThat(isCandidate(rules, "<a href=\"/res/153.bin\">查看</a>")).isTrue();
        assertThat(isCandidate(rules, "<a href=\"/p/1\">产业园区周刊</a>")).isTrue();
        assertThat(rules.issueSerial(link("<a href=\"/res/153.bin\">产业园区周刊 第153号</a>"))).hasValue(153);
    }

    @Test
    void excludePatternsWinOverEveryOtherRule() {
        CandidateRules rules = new CandidateRules(Listings.properties(Map.of(
                "candidates.exclude-url-patterns[0]", "/old/")).candidates());

        assertThat(isCandidate(rules, "<a href=\"/old/issue-1.pdf\">园区周报</a>")).isFalse();
        assertThat(isCandidate(rules, "<a href=\"/new/issue-2.pdf\">园区周报</a>")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the link text                 | <a href="/a.pdf">园区周报 2023年5月4期（总153期）</a>                 | 153
            the title attribute           | <a href="/a.pdf" title="总 153 期">下载</a>                           | 153
            the list item around the link | <ul><li>园区周报 总153期 <a href="/download?id=9">下载</a></li></ul> | 153
            the table row around the link | <table><tr><td>总153期</td><td><a href="/d?id=9">PDF</a></td></tr></table> | 153
            """)
    void readsTheSerialFromWhatTheListingSays(String where, String html, long serial) {
        assertThat(this.defaults.issueSerial(link(html))).as(where).hasValue(serial);
    }

    @Test
    void namesNoSerialFromAnItemThatLinksElsewhereToo() {
        // Broken markup seen on a stand-in of the site: an unclosed <p> holds the next issue's link as well.
        Element next = Jsoup.parse("<p>第119期 <a href=/download.php?id=9>下载</a> (总119期)"
                + " <a href='/uploads/园区周报121.pdf'>园区周报121.pdf</a>", "https://www.parkworld.net/")
            .select("a").get(1);
        Element own = link("<ul><li>总153期 <a href=\"/a.pdf\"><img src=a.png></a> <a href=\"/a.pdf\">下载</a></li></ul>");

        assertThat(this.defaults.issueSerial(next)).isEqualTo(OptionalLong.empty());
        assertThat(this.defaults.issueSerial(own)).hasValue(153);
    }

    @Test
    void namesNoSerialWhenTheListItemNamesSeveral() {
        Element link = link("<ul><li>总152期 与 总153期 合刊 <a href=\"/a.pdf\">下载</a></li></ul>");

        assertThat(this.defaults.issueSerial(link)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void keysTheIssueBySerialElseFileNameElseUrlHash() {
        URI pdf = URI.create("https://www.parkworld.net/files/weekly-0153.pdf");
        URI download = URI.create("https://www.parkworld.net/download.php?id=153");

        assertThat(IssueLink.of(pdf, OptionalLong.of(153)).issueKey()).isEqualTo("issue-153");
        assertThat(IssueLink.of(pdf, OptionalLong.empty()).issueKey()).isEqualTo("weekly-0153");
        assertThat(IssueLink.of(download, OptionalLong.empty()).issueKey()).matches("issue-[0-9a-f]{12}")
            .isNotEqualTo(IssueLink.of(URI.create("https://www.parkworld.net/download.php?id=154")).issueKey());
    }

    @Test
    void derivesIssueKeyFromFileName() {
        assertThat(IssueLink.of(URI.create("file:///data/%E5%9B%AD%E5%8C%BA%E5%91%A8%E6%8A%A5%20121.pdf")).issueKey())
            .isEqualTo("121");
        assertThat(IssueLink.of(URI.create("https://h/x/Issue_121.PDF")).issueKey()).isEqualTo("issue_121");
    }

    @Test
    void refusesAnInvalidPatternNamingItsProperty() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new CandidateRules(Listings.properties(Map.of("candidates.url-patterns[0]", "(unclosed"))
                .candidates()))
            .withMessageContaining("parkworld.ingest.discovery.candidates.url-patterns");
    }
}
