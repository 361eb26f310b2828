package parkworld.pipeline.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How listing pages are read: which links lead to the next page and which are issues. When the site is redesigned,
 * these are the properties to change. Patterns are Java regular expressions, found anywhere in what they are
 * matched against unless anchored.
 *
 * @param pagination how to follow a listing through its pages
 * @param candidates which links of a listing page are issues
 */
@Validated
@ConfigurationProperties("parkworld.ingest.discovery")
public record DiscoveryProperties(@Valid @NotNull @DefaultValue Pagination pagination,
        @Valid @NotNull @DefaultValue Candidates candidates) {

    /**
     * @param maxPages         pages read per listing URL, the first included (a depth of 1 reads only the start
     *                         page); a listing longer than this is cut there, with a log line
     * @param nextLinkTexts    texts of a "next page" link, compared with the link's text with whitespace and the
     *                         arrows {@code < > « » ‹ › [ ] 【 】} removed, ignoring case; a link or {@code <link>}
     *                         with {@code rel=next} is always followed
     * @param nextLinkSelector CSS selector (jsoup syntax) of the "next page" link for layouts the texts do not catch,
     *                         e.g. {@code .pagination a.next}; empty for none
     */
    public record Pagination(@Min(1) @Max(1000) @DefaultValue("20") int maxPages,
            @NotNull @DefaultValue({ "下一页", "下页", "后页", "next", "next page" }) List<String> nextLinkTexts,
            @NotNull @DefaultValue("") String nextLinkSelector) {
    }

    /**
     * A link is a candidate issue when no exclude pattern matches its URL and either its text matches a
     * {@code link-text-pattern}, its URL matches a {@code url-pattern}, or it matches the {@code selector}. URLs are
     * matched as path and query ({@code /files/issue-153.pdf}, {@code /download.php?id=153}), percent-decoded.
     *
     * @param linkTextPatterns   matched against the link's text (and its {@code title} attribute)
     * @param urlPatterns        matched against the link's path and query: PDFs and download endpoints
     * @param excludeUrlPatterns links whose path and query match any of these are never candidates: pages, images,
     *                           folders
     * @param selector           CSS selector (jsoup syntax) of issue links, e.g. {@code ul.issues a}; empty for none
     * @param issueSerialPattern finds the issue's serial in the link's text, its title, or the list item around it
     *                           (group 1, digits): {@code 总153期} gives the key {@code issue-153}; without it the key
     *                           comes from the file name
     */
    public record Candidates(@NotNull @DefaultValue({ "园区周报", "总\\s*\\d+\\s*期" }) List<String> linkTextPatterns,
            @NotNull @DefaultValue({ "(?i)\\.pdf(?:\\?|$)", "(?i)\\b(?:download|attachment|getfile)s?\\b" }) List<String> urlPatterns,
            @NotNull @DefaultValue({ "(?i)\\.(?:s?html?|jsp|aspx?|jpe?g|png|gif|svg|css|js)(?:\\?|$)",
                    "/(?:\\?|$)" }) List<String> excludeUrlPatterns,
            @NotNull @DefaultValue("") String selector,
            @NotNull @DefaultValue("总\\s*(\\d+)\\s*期") String issueSerialPattern) {
    }
}
