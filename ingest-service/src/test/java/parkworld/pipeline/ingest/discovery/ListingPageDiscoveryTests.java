package parkworld.pipeline.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.ingest.fetch.HostPolicy;

class ListingPageDiscoveryTests {

    private final ListingPageDiscovery discovery = new ListingPageDiscovery(
            URI.create("https://www.parkworld.net/weekly/index.html"), null,
            new HostPolicy(Set.of("www.parkworld.net")));

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

        assertThat(this.discovery.pdfLinks(html)).extracting(IssueLink::uri, IssueLink::issueKey)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(URI.create("https://www.parkworld.net/weekly/issue-121.pdf"), "issue-121"),
                    org.assertj.core.groups.Tuple.tuple(URI.create("https://www.parkworld.net/files/Issue-120.PDF"), "issue-120"),
                    org.assertj.core.groups.Tuple.tuple(URI.create("https://www.parkworld.net/files/issue-119.pdf"), "issue-119"));
    }

    @Test
    void ignoresPdfLinksOnOtherHosts() {
        String html = "<a href=\"https://mirror.example.com/issue-121.pdf\">x</a><a href=\"issue-122.pdf\">y</a>";

        assertThat(this.discovery.pdfLinks(html)).extracting(IssueLink::issueKey).containsExactly("issue-122");
    }

    @Test
    void listsEachPdfOnceEvenWhenLinkedTwice() {
        String html = "<a href=\"issue-121.pdf\">封面</a> <a href=\"issue-121.pdf#page=2\">目录</a>";

        assertThat(this.discovery.pdfLinks(html)).hasSize(1);
    }

    @Test
    void honoursBaseHref() {
        String html = "<base href=\"https://www.parkworld.net/archive/2023/\"><a href=\"issue-121.pdf\">x</a>";

        assertThat(this.discovery.pdfLinks(html)).extracting(IssueLink::uri)
            .containsExactly(URI.create("https://www.parkworld.net/archive/2023/issue-121.pdf"));
    }

    @Test
    void derivesIssueKeyFromFileName() {
        assertThat(IssueLink.of(URI.create("file:///data/%E5%9B%AD%E5%8C%BA%E5%91%A8%E6%8A%A5%20121.pdf")).issueKey())
            .isEqualTo("121");
        assertThat(IssueLink.of(URI.create("https://h/x/Issue_121.PDF")).issueKey()).isEqualTo("issue_121");
    }
}
