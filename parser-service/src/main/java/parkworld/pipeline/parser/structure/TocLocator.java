package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.List;

import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.TextLine;

/**
 * Finds tables of contents by what they are, wherever they are: on the cover or pages of their own, over several
 * pages, with or without a {@code 目录} heading, bullets, numbering or dot leaders. A table of contents is a run of
 * lines that end with page numbers (see {@link TocListing}) which never go down, possibly with wrapped entries
 * (lines without a number before the line that has it): any such run under a {@code 目录} heading, else a run of at
 * least {@value #MIN_ENTRIES} entries of which most carry a bullet or a number or are section headings, or at least
 * {@value #MIN_ENTRIES} have their number set apart (gap, leaders). A number after a blank or right after the text
 * could also end a sentence, so such lines alone never make a table of contents. Stateless.
 */
final class TocLocator {

    /** A table of contents lists at least this many entries. */
    static final int MIN_ENTRIES = 3;

    /** At most this many lines without a page number inside one entry (a title wrapped twice). */
    private static final int MAX_WRAPPED_LINES = 2;

    private TocLocator() {
    }

    /**
     * One table of contents found.
     *
     * @param firstPage index (in the pages given) of the page where it starts
     * @param lastPage index of the page where it ends
     * @param lines its lines, heading included, in order
     * @param toc what it lists
     */
    record Block(int firstPage, int lastPage, List<TextLine> lines, TableOfContents toc) {

        Block {
            lines = List.copyOf(lines);
        }
    }

    /**
     * @param pages the pages without running content
     * @param maxListedPage larger numbers are not page numbers of this PDF
     * @return the tables of contents in page order
     */
    static List<Block> locate(List<ContentPage> pages, int maxListedPage) {
        List<Block> blocks = new ArrayList<>();
        Candidate candidate = null;
        for (int p = 0; p < pages.size(); p++) {
            for (TextLine line : pages.get(p).lines()) {
                if (TocListing.isHeading(line.text())) {
                    close(candidate, blocks, maxListedPage);
                    candidate = new Candidate(p, line);
                    continue;
                }
                int previousPage = (candidate == null) ? 0 : candidate.lastListedPage;
                TocListing listing = TocListing.of(line, previousPage, maxListedPage);
                if (listing != null && candidate != null && listing.page() < candidate.lastListedPage) {
                    // page numbers went down: another table of contents starts here
                    close(candidate, blocks, maxListedPage);
                    candidate = null;
                }
                if (listing != null) {
                    if (candidate == null) {
                        candidate = new Candidate(p, null);
                    }
                    candidate.addListing(p, line, listing);
                }
                else if (candidate != null && candidate.pending.size() < MAX_WRAPPED_LINES
                        && line.text().indexOf(Headings.BODY_MARKER) < 0) {
                    candidate.pending.add(line);
                }
                else {
                    close(candidate, blocks, maxListedPage);
                    candidate = null;
                }
            }
        }
        close(candidate, blocks, maxListedPage);
        return blocks;
    }

    private static void close(Candidate candidate, List<Block> blocks, int maxListedPage) {
        if (candidate == null || !candidate.isTableOfContents()) {
            return;
        }
        blocks.add(new Block(candidate.firstPage, candidate.lastPage, candidate.lines,
                TableOfContents.read(candidate.lines, maxListedPage)));
    }

    /** Lines that may turn out to be a table of contents. */
    private static final class Candidate {

        final int firstPage;

        int lastPage;

        final boolean headed;

        final List<TextLine> lines = new ArrayList<>();

        /** Lines without a number since the last listing: the start of a wrapped entry, or the end of the run. */
        final List<TextLine> pending = new ArrayList<>();

        int lastListedPage;

        int entries;

        int separatedEntries;

        int markedEntries;

        Candidate(int page, TextLine heading) {
            this.firstPage = page;
            this.lastPage = page;
            this.headed = heading != null;
            if (heading != null) {
                this.lines.add(heading);
            }
        }

        void addListing(int page, TextLine line, TocListing listing) {
            String start = this.pending.isEmpty() ? line.text() : this.pending.get(0).text();
            this.lines.addAll(this.pending);
            this.pending.clear();
            this.lines.add(line);
            this.lastPage = page;
            this.lastListedPage = listing.page();
            this.entries++;
            if (listing.separated()) {
                this.separatedEntries++;
            }
            if (TocListing.hasMarker(start) || Headings.sectionName(TocListing.stripMarker(listing.text())) != null) {
                this.markedEntries++;
            }
        }

        boolean isTableOfContents() {
            if (this.headed) {
                // under its heading, a short table of contents is one too
                return this.entries >= 1;
            }
            return this.entries >= MIN_ENTRIES
                    && (this.separatedEntries >= MIN_ENTRIES || this.markedEntries * 2 > this.entries);
        }
    }
}
