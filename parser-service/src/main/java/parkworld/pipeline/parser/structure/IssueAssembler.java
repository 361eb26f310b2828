package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.PageFailure;
import parkworld.pipeline.parser.pdf.PdfText;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.parser.pdf.RunningContentFilter;
import parkworld.pipeline.parser.pdf.TextLine;

/**
 * Turns the positioned text of an issue into its structure: the first page with text is the
 * cover (unless it already starts articles), the table-of-contents pages follow, and all later
 * pages hold the articles. Stateless and thread-safe.
 */
final class IssueAssembler {

    private final RunningContentFilter runningContentFilter = new RunningContentFilter();

    /**
     * @throws IssueRejectedException ({@link DeadLetterReason#NOT_AN_ISSUE}) without an issue
     *         number on the cover or without articles
     */
    ParsedIssue assemble(PdfText text) {
        List<String> warnings = new ArrayList<>();
        for (PageFailure failure : text.failures()) {
            warnings.add("Page " + failure.page() + " could not be read and was skipped: " + failure.message());
        }
        List<ContentPage> pages = this.runningContentFilter.filter(text.pages());
        int next = skipBlank(pages, 0);
        int firstTextPage = next;
        List<ContentPage> cover = List.of();
        if (next < pages.size() && !TableOfContents.isTocPage(pages.get(next)) && !startsArticles(pages.get(next))) {
            cover = List.of(pages.get(next));
            next = skipBlank(pages, next + 1);
        }
        int tocStart = next;
        while (next < pages.size() && TableOfContents.isTocPage(pages.get(next))) {
            next++;
        }
        List<ContentPage> tocPages = pages.subList(tocStart, next);
        List<ContentPage> articlePages = pages.subList(next, pages.size());

        List<ContentPage> coverSearch = !cover.isEmpty() ? cover
                : pages.subList(Math.min(firstTextPage, pages.size()), Math.min(firstTextPage + 1, pages.size()));
        IssueMetadata metadata = CoverReader.read(coverSearch, warnings);
        TableOfContents toc = TableOfContents.read(tocPages);
        List<ParsedArticle> articles = new ArticleExtractor(new HashSet<>(toc.sections()), warnings)
                .extract(articlePages);
        if (articles.isEmpty()) {
            throw new IssueRejectedException(DeadLetterReason.NOT_AN_ISSUE, "Issue \"" + metadata.title()
                    + "\" has no articles: no ● title after the cover and table of contents");
        }
        articles = TocCrossCheck.apply(articles, toc, warnings);
        return new ParsedIssue(metadata, articles, warnings, text.pageCount());
    }

    private static int skipBlank(List<ContentPage> pages, int from) {
        int index = from;
        while (index < pages.size() && pages.get(index).lines().isEmpty()) {
            index++;
        }
        return index;
    }

    private static boolean startsArticles(ContentPage page) {
        for (TextLine line : page.lines()) {
            if (Headings.isTitle(line.text())) {
                return true;
            }
        }
        return false;
    }
}
