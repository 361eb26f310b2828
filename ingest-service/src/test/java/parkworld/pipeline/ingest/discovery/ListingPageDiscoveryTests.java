package parkworld.pipeline.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What one listing page yields: links resolved by jsoup, on allowed hosts, each once. */
class ListingPageDiscoveryTests {

    private static final URI PAGE = URI.create("https://www.parkworld.net/weekly/index.html");

    private final ListingPageDiscovery discovery = Listings.discovery(List.of(PAGE), Listings.defaults(),
            new SimpleMeterRegistry());

    private List<IssueLink> candidates(String html) {
        Map<URI, IssueLink> found = new LinkedHashMap<>();
        this.discovery.addCandidates(PAGE, Jsoup.parse(html, PAGE.toString()), found);
        return List.copyOf(found.values());
    }

    @Test
    void resolvesRelativeAndAbsolutePdfLinks() {
        String html = """
                <ul>
                  <li><a href="issue-121.pdf">第121期</a></li>
                  <li><a href='/files/Issue-120.PDF'>第120期</a></li>
                  <li><a href=https://www.parkworld.net/files/issue-119.pdf>第119期</a></li>
                  <li><a href="about.html">关于</a></li>
                </ul>
                """;

        assertThat(candidates(html)).extracting(IssueLink::uri, IssueLink::issueKey)
            .containsExactly(tuple(URI.create("https://www.parkworld.net/weekly/issue-121.pdf"), "issue-121"),
                    tuple(URI.create("https://www.parkworld.net/files/Issue-120.PDF"), "issue-120"),
                    tuple(URI.create("https://www.parkworld.net/files/issue-119.pdf"), "issue-119"));
    }

    @Test
    void ignoresCandidatesOnOtherHosts() {
        String html = "<a href=\"https://mirror.example.com/issue-121.pdf\">x</a><a href=\"issue-122.pdf\">y</a>";

        assertThat(candidates(html)).extracting(IssueLink::issueKey).containsExactly("issue-122");
    }

    @Test
    void listsEachCandidateOnceEvenWhenLinkedTwice() {
        String html = "<a href=\"issue-121.pdf\">封面</a> <a href=\"issue-121.pdf#page=2\">目录</a>";

        assertThat(candidates(html)).hasSize(1);
    }

    @Test
    void honoursBaseHref() {
        String html = "<base href=\"https://www.parkworld.net/archive/2023/\"><a href=\"issue-121.pdf\">x</a>";

        assertThat(candidates(html)).extracting(IssueLink::uri)
            .containsExactly(URI.create("https://www.parkworld.net/archive/2023/issue-121.pdf"));
    }

    @Test
    void readsLinksOutOfBrokenMarkup() {
        String html = """
                <html><body><table><tr><td><a href=issue-121.pdf>园区周报（总121期）<td>
                <p><a href = "issue-122.pdf" >总122期</a <div><a href="issue-123.pdf">总123期
                <a href='issue-124.pdf'>总124期</b></i></table></body>
                """;

        assertThat(candidates(html)).extracting(IssueLink::issueKey)
            .containsExactly("issue-121", "issue-122", "issue-123", "issue-124");
    }

    @Test
    void keepsChineseCharactersAndQuotesSpacesOfALink() {
        String html = "<a href=\"/files/园区周报 总121期.pdf\">下载</a>";

        assertThat(candidates(html)).extracting(IssueLink::uri)
            .extracting(URI::toASCIIString)
            .containsExactly("https://www.parkworld.net/files/%E5%9B%AD%E5%8C%BA%E5%91%A8%E6%8A%A5%20%E6%80%BB121%E6%9C%9F.pdf");
    }

    @Test
    void survivesAPageOfManyRepeatedBaseTags() {
        // The regular expression this replaced took quadratic time on such a page.
        String html = "<base ".repeat(200_000) + "><a href=\"issue-121.pdf\">总121期</a>";

        List<IssueLink> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> candidates(html));

        assertThat(found).extracting(IssueLink::issueKey).containsExactly("issue-121");
    }
}
