package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.TextLine;

/**
 * Splits the article pages into articles. Reads the lines in order and tracks where it is:
 * a section heading ({@code 一、招商引资}) sets the section, a {@code ●} line starts an article
 * whose title may wrap over a few lines, the text up to the first {@code ■} is the lead and the
 * {@code ■} paragraphs are the body, which may run onto the next page. A closing note
 * ({@code 注：…}) ends the article and the small print after it is back matter. Other text
 * outside any article and small print inside one are reported as warnings. Title, lead and body
 * paragraphs are cleaned by the {@link TextNormalizer}, so that they do not depend on the
 * producer's spacing.
 *
 * <p>Single use: create one per issue.
 */
final class ArticleExtractor {

    private static final int MAX_TITLE_LINES = 3;

    private static final int WARNING_SAMPLE_LENGTH = 30;

    private enum State {
        /** Before the first article or section heading, or after a section heading. */
        OUTSIDE,
        TITLE, LEAD, BODY,
        /** After a closing note: back matter until the next title or section heading. */
        CLOSED
    }

    private final Set<String> knownSections;

    private final List<String> warnings;

    private final List<ParsedArticle> articles = new ArrayList<>();

    /** Physical numbers of pages with text that went into no article. */
    private final Set<Integer> pagesWithUnassignedText = new TreeSet<>();

    private int articlesWithoutText;

    private BodyLayout layout;

    /** Font size of the closing note's first line, once it has been read. */
    private float closingNoteSize;

    private State state = State.OUTSIDE;

    private String section = "";

    private Draft draft;

    private ContentPage page;

    private ContentPage orphanPage;

    private int orphanLines;

    private String orphanSample;

    /**
     * @param knownSections section names listed in the table of contents; they are accepted as
     *        headings even when not set larger than the body text
     * @param warnings receives a line for each oddity found
     */
    ArticleExtractor(Set<String> knownSections, List<String> warnings) {
        this.knownSections = knownSections;
        this.warnings = warnings;
    }

    List<ParsedArticle> extract(List<ContentPage> pages) {
        this.layout = BodyLayout.of(pages);
        for (ContentPage current : pages) {
            this.page = current;
            for (TextLine line : current.lines()) {
                accept(line);
            }
        }
        finishArticle();
        flushOrphans();
        return this.articles;
    }

    /** After {@link #extract}: physical numbers of the pages with text outside any article, in order. */
    List<Integer> pagesWithUnassignedText() {
        return List.copyOf(this.pagesWithUnassignedText);
    }

    /** After {@link #extract}: titles that had no text and were therefore left out. */
    int articlesWithoutText() {
        return this.articlesWithoutText;
    }

    private void accept(TextLine line) {
        String text = line.text().strip();
        if (Headings.isTitle(text)) {
            flushOrphans();
            finishArticle();
            this.draft = new Draft(this.section, this.page, line, Headings.stripBullet(text));
            this.state = State.TITLE;
            return;
        }
        String sectionName = Headings.sectionName(text);
        if (sectionName != null && (this.layout.isLargePrint(line) || this.knownSections.contains(sectionName))) {
            flushOrphans();
            finishArticle();
            this.section = sectionName;
            this.state = State.OUTSIDE;
            return;
        }
        if (Headings.isClosingNote(text)) {
            flushOrphans();
            finishArticle();
            this.state = State.CLOSED;
            this.closingNoteSize = line.fontSize();
            return;
        }
        switch (this.state) {
            case OUTSIDE -> addOrphan(text);
            case CLOSED -> {
                // back matter: small print and the note's own lines are expected (PDFBox reports some producers'
                // sizes in whole points, so a 9 pt note under 10.5 pt text may read as only 1 pt smaller), normal
                // text could be a lost article
                if (!this.layout.isSmallPrint(line) && line.fontSize() > this.closingNoteSize) {
                    addOrphan(text);
                }
            }
            case TITLE -> {
                if (isTitleContinuation(line)) {
                    this.draft.continueTitle(line, text);
                }
                else {
                    this.state = State.LEAD;
                    acceptText(line, text);
                }
            }
            case LEAD, BODY -> acceptText(line, text);
        }
    }

    private boolean isTitleContinuation(TextLine line) {
        TextLine previous = this.draft.lastTitleLine;
        float lineGap = line.y() - previous.y();
        if (this.draft.titleLines >= MAX_TITLE_LINES || this.draft.titlePage != this.page
                || line.text().indexOf(Headings.BODY_MARKER) >= 0
                || lineGap <= 0 || lineGap > 2.2f * Math.max(previous.fontSize(), line.fontSize())) {
            return false;
        }
        float titleSize = this.draft.firstTitleLine.fontSize();
        if (!this.layout.isBodySize(titleSize)) {
            // titles are set in their own size: the title goes on as long as that size does
            return Math.abs(line.fontSize() - titleSize) < 0.5f;
        }
        // titles in body size: a full previous line wrapped, and the lead starts indented
        return this.layout.isFull(previous) && !this.layout.isIndented(line);
    }

    private void acceptText(TextLine line, String text) {
        if (this.layout.isSmallPrint(line)) {
            String title = TextNormalizer.clean(this.draft.title.toString());
            this.pagesWithUnassignedText.add(this.page.number());
            this.warnings.add("Skipped small print inside article \"" + title + "\" on page "
                    + this.page.displayNumber() + ": \"" + sample(text) + "\"");
            return;
        }
        boolean newParagraph = this.layout.isIndented(line);
        int start = 0;
        while (start <= text.length()) {
            int marker = text.indexOf(Headings.BODY_MARKER, start);
            String part = text.substring(start, (marker < 0) ? text.length() : marker);
            if (!part.isBlank() || newParagraph) {
                this.draft.append(this.state, part, newParagraph);
            }
            if (marker < 0) {
                break;
            }
            this.state = State.BODY;
            newParagraph = true;
            start = marker + 1;
        }
    }

    private void finishArticle() {
        if (this.draft == null) {
            return;
        }
        Draft finished = this.draft;
        this.draft = null;
        int ordinal = this.articles.size() + 1;
        String title = TextNormalizer.clean(finished.title.toString());
        String lead = finished.lead.text();
        String body = finished.body.text();
        if (body.isEmpty() && lead.isEmpty()) {
            // a title alone (e.g. a table-of-contents entry the locator did not recognise) is no article: an
            // article event needs a body, so publishing it would break the contract
            this.articlesWithoutText++;
            this.warnings.add("Title \"" + title + "\" on page " + finished.page + " is followed by no text (the next "
                    + "line is another title, a section heading or the end of the issue); not published as an article");
            return;
        }
        if (body.isEmpty()) {
            this.warnings.add("Article " + ordinal + " \"" + title + "\" on page " + finished.page
                    + " has no ■ body marker; its text was taken as the body");
            body = lead;
            lead = "";
        }
        if (finished.section.isEmpty()) {
            this.warnings.add("Article " + ordinal + " \"" + title + "\" on page " + finished.page
                    + " comes before any section heading");
        }
        String bracketed = SourceAttribution.closingBracketText(body);
        String sourceName = null;
        if (bracketed != null && SourceAttribution.namesPublisher(bracketed)) {
            sourceName = bracketed;
        }
        else if (bracketed != null) {
            this.warnings.add("Article " + ordinal + " \"" + title + "\" ends with \"（" + bracketed
                    + "）\", which does not look like a source; sourceName left empty");
        }
        this.articles.add(new ParsedArticle(ordinal, finished.section, title, lead, body, sourceName, finished.page));
    }

    private void addOrphan(String text) {
        this.pagesWithUnassignedText.add(this.page.number());
        if (this.orphanPage != this.page) {
            flushOrphans();
            this.orphanPage = this.page;
            this.orphanSample = text;
        }
        this.orphanLines++;
    }

    private void flushOrphans() {
        if (this.orphanLines > 0) {
            this.warnings.add("Ignored " + this.orphanLines + ((this.orphanLines == 1) ? " line" : " lines")
                    + " outside any article on page " + this.orphanPage.displayNumber() + ": \""
                    + sample(this.orphanSample) + "\"");
        }
        this.orphanPage = null;
        this.orphanLines = 0;
        this.orphanSample = null;
    }

    private static String sample(String text) {
        String flat = text.replace('\n', ' ');
        return (flat.length() <= WARNING_SAMPLE_LENGTH) ? flat : flat.substring(0, WARNING_SAMPLE_LENGTH) + "…";
    }

    /** An article being collected. */
    private static final class Draft {

        final String section;

        final int page;

        final ContentPage titlePage;

        final TextLine firstTitleLine;

        TextLine lastTitleLine;

        int titleLines = 1;

        final StringBuilder title;

        final Paragraphs lead = new Paragraphs();

        final Paragraphs body = new Paragraphs();

        Draft(String section, ContentPage titlePage, TextLine titleLine, String title) {
            this.section = section;
            this.page = titlePage.displayNumber();
            this.titlePage = titlePage;
            this.firstTitleLine = titleLine;
            this.lastTitleLine = titleLine;
            this.title = new StringBuilder(title);
        }

        void continueTitle(TextLine line, String text) {
            TextJoiner.appendWrapped(this.title, text);
            this.lastTitleLine = line;
            this.titleLines++;
        }

        void append(State state, String text, boolean newParagraph) {
            Paragraphs target = (state == State.BODY) ? this.body : this.lead;
            target.append(text, newParagraph);
        }
    }

    /** Paragraphs separated by newlines, each made of wrapped lines. */
    private static final class Paragraphs {

        private final List<String> done = new ArrayList<>();

        private final StringBuilder current = new StringBuilder();

        void append(String text, boolean newParagraph) {
            if (newParagraph) {
                close();
            }
            TextJoiner.appendWrapped(this.current, text);
        }

        private void close() {
            String paragraph = TextNormalizer.clean(this.current.toString());
            if (!paragraph.isEmpty()) {
                this.done.add(paragraph);
            }
            this.current.setLength(0);
        }

        String text() {
            close();
            return String.join("\n", this.done);
        }
    }
}
