package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.PageFailure;
import parkworld.pipeline.parser.pdf.PdfText;
import parkworld.pipeline.parser.pdf.RunningContentFilter;
import parkworld.pipeline.parser.pdf.TextLine;

/**
 * Turns the positioned text of an issue into its structure. The tables of contents are found first, wherever they
 * are ({@link TocLocator}), and taken out of the text; the cover is what comes before the table of contents on the
 * first page with text (the whole page when the table of contents starts later); everything else is read for
 * articles. A second cover or a second table of contents after articles means the PDF holds more than one issue:
 * it is refused ({@link DeadLetterReason#MULTIPLE_ISSUES}) rather than published as one issue with every article
 * twice. Stateless and thread-safe.
 */
final class IssueAssembler {

    private final RunningContentFilter runningContentFilter = new RunningContentFilter();

    private final QualityRules qualityRules;

    IssueAssembler() {
        this(QualityRules.DEFAULTS);
    }

    IssueAssembler(QualityRules qualityRules) {
        this.qualityRules = qualityRules;
    }

    /**
     * @throws IssueRejectedException ({@link DeadLetterReason#NOT_AN_ISSUE}) without an issue number on the cover
     *         or without articles; ({@link DeadLetterReason#MULTIPLE_ISSUES}) when the PDF holds several issues
     */
    ParsedIssue assemble(PdfText text) {
        List<String> warnings = new ArrayList<>();
        for (PageFailure failure : text.failures()) {
            warnings.add("Page " + failure.page() + " could not be read and was skipped: " + failure.message());
        }
        List<ContentPage> pages = this.runningContentFilter.filter(text.pages());
        // listed page numbers are physical or printed ones; an excerpt may print numbers beyond its page count
        int maxListedPage = Math.max(text.pageCount(), pages.size());
        for (ContentPage page : pages) {
            maxListedPage = Math.max(maxListedPage, page.printedNumber().orElse(0));
        }
        List<TocLocator.Block> blocks = TocLocator.locate(pages, maxListedPage);
        Set<TextLine> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        blocks.forEach((block) -> taken.addAll(block.lines()));

        int firstTextPage = 0;
        while (firstTextPage < pages.size() && pages.get(firstTextPage).lines().isEmpty()) {
            firstTextPage++;
        }
        List<TextLine> cover = coverLines(pages, firstTextPage, taken);
        taken.addAll(cover);
        List<ContentPage> coverSearch = !cover.isEmpty() ? List.of(withLines(pages.get(firstTextPage), cover))
                : pages.subList(Math.min(firstTextPage, pages.size()), Math.min(firstTextPage + 1, pages.size()));
        IssueMetadata metadata = CoverReader.read(coverSearch, warnings);

        List<ContentPage> articlePages = new ArrayList<>(pages.size());
        for (ContentPage page : pages) {
            List<TextLine> rest = new ArrayList<>(page.lines().size());
            for (TextLine line : page.lines()) {
                if (!taken.contains(line)) {
                    rest.add(line);
                }
            }
            articlePages.add(withLines(page, rest));
        }
        refuseSecondIssue(articlePages, blocks, metadata);

        TableOfContents toc = TableOfContents.concat(blocks.stream().map(TocLocator.Block::toc).toList());
        ArticleExtractor extractor = new ArticleExtractor(new HashSet<>(toc.sections()), warnings);
        List<ParsedArticle> articles = extractor.extract(articlePages);
        if (articles.isEmpty()) {
            throw new IssueRejectedException(DeadLetterReason.NOT_AN_ISSUE, "Issue \"" + metadata.title()
                    + "\" has no articles: no ● title with text after the cover and table of contents");
        }
        TocCrossCheck.Result checked = TocCrossCheck.apply(articles, toc, warnings);
        StructureFigures figures = new StructureFigures(toc.entries().size(), checked.matchedEntries(),
                toc.entriesPerSection(), extractor.pagesWithUnassignedText(), extractor.articlesWithoutText());
        return new ParsedIssue(metadata, checked.articles(), warnings, text.pageCount(),
                this.qualityRules.assess(figures, checked.articles()));
    }

    /**
     * The cover: on the first page with text, the lines before its table of contents; the whole page if the table
     * of contents starts on a later page and the page does not already start articles.
     */
    private static List<TextLine> coverLines(List<ContentPage> pages, int firstTextPage, Set<TextLine> toc) {
        if (firstTextPage >= pages.size()) {
            return List.of();
        }
        List<TextLine> cover = new ArrayList<>();
        for (TextLine line : pages.get(firstTextPage).lines()) {
            if (toc.contains(line)) {
                return cover;
            }
            if (Headings.isTitle(line.text().strip())) {
                // articles start on this page: no cover of its own
                return List.of();
            }
            cover.add(line);
        }
        return cover;
    }

    /**
     * Refuses a PDF holding more than one issue: after the first article, a table of contents (the next issue's)
     * or a cover line with a serial number ({@code 总122期}, {@link CoverReader#coverSerial}: a line of article
     * text that quotes another issue's serial is not one).
     */
    private static void refuseSecondIssue(List<ContentPage> articlePages, List<TocLocator.Block> blocks,
            IssueMetadata metadata) {
        int firstArticlePage = firstPageWithTitle(articlePages);
        if (firstArticlePage < 0) {
            return;
        }
        String masthead = CoverReader.masthead(metadata.title());
        for (int p = firstArticlePage + 1; p < articlePages.size(); p++) {
            for (TextLine line : articlePages.get(p).lines()) {
                Integer serial = CoverReader.coverSerial(line.text().strip(), masthead);
                if (serial != null) {
                    throw multipleIssues(metadata, "a second cover (总" + serial + "期) on page "
                            + articlePages.get(p).number());
                }
            }
        }
        boolean tocBeforeArticles = blocks.stream().anyMatch((block) -> block.firstPage() <= firstArticlePage);
        for (TocLocator.Block block : blocks) {
            // a table of contents only at the end is this issue's own
            if (tocBeforeArticles && block.firstPage() > firstArticlePage) {
                throw multipleIssues(metadata, "a second table of contents on page "
                        + articlePages.get(block.firstPage()).number() + ", after articles");
            }
        }
    }

    private static int firstPageWithTitle(List<ContentPage> pages) {
        for (int p = 0; p < pages.size(); p++) {
            for (TextLine line : pages.get(p).lines()) {
                if (Headings.isTitle(line.text().strip())) {
                    return p;
                }
            }
        }
        return -1;
    }

    private static IssueRejectedException multipleIssues(IssueMetadata metadata, String found) {
        return new IssueRejectedException(DeadLetterReason.MULTIPLE_ISSUES, "The PDF holds more than one issue: "
                + "after issue " + metadata.serial() + " it has " + found + "; split it into one PDF per issue");
    }

    private static ContentPage withLines(ContentPage page, List<TextLine> lines) {
        return new ContentPage(page.number(), page.printedNumber(), page.width(), page.height(), lines);
    }
}
