package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import parkworld.pipeline.parser.pdf.TextLine;

/**
 * The table of contents: section headings and article titles, each listed with a page number.
 *
 * @param sections section names in listed order
 * @param entries listed articles in listed order
 */
record TableOfContents(List<String> sections, List<TocEntry> entries) {

    static final TableOfContents NONE = new TableOfContents(List.of(), List.of());

    TableOfContents {
        sections = List.copyOf(sections);
        entries = List.copyOf(entries);
    }

    boolean isEmpty() {
        return this.entries.isEmpty();
    }

    /** How many articles the table of contents lists per section, in listed order. */
    Map<String, Integer> entriesPerSection() {
        Map<String, Integer> perSection = new LinkedHashMap<>();
        this.entries.forEach((entry) -> perSection.merge(entry.section(), 1, Integer::sum));
        return perSection;
    }

    /** The tables of contents as one, in order (a table of contents interrupted by an unrelated page). */
    static TableOfContents concat(List<TableOfContents> parts) {
        List<String> sections = new ArrayList<>();
        List<TocEntry> entries = new ArrayList<>();
        for (TableOfContents part : parts) {
            for (String section : part.sections()) {
                if (!sections.contains(section)) {
                    sections.add(section);
                }
            }
            entries.addAll(part.entries());
        }
        return new TableOfContents(sections, entries);
    }

    /**
     * Reads the entries of lines that {@link TocLocator} found to be a table of contents: each line that ends
     * with a listed page number closes an entry, the lines before it without a number are its wrapped start.
     */
    static TableOfContents read(List<TextLine> lines, int maxListedPage) {
        List<String> sections = new ArrayList<>();
        List<TocEntry> entries = new ArrayList<>();
        String section = "";
        String wrapped = null;
        int previousPage = 0;
        for (TextLine line : lines) {
            if (TocListing.isHeading(line.text())) {
                continue;
            }
            TocListing listing = TocListing.of(line, previousPage, maxListedPage);
            if (listing == null) {
                String text = TocListing.stripMarker(line.text());
                String sectionName = Headings.sectionName(text);
                if (wrapped == null && sectionName != null) {
                    // a section heading listed without page number
                    section = sectionName;
                    addSection(sections, sectionName);
                }
                else {
                    wrapped = (wrapped == null) ? text : TextJoiner.joinWrapped(wrapped, text);
                }
                continue;
            }
            previousPage = listing.page();
            String text = TocListing.stripMarker(listing.text());
            if (wrapped != null) {
                text = TextJoiner.joinWrapped(wrapped, text);
                wrapped = null;
            }
            String sectionName = Headings.sectionName(text);
            if (sectionName != null) {
                section = sectionName;
                addSection(sections, sectionName);
            }
            else {
                entries.add(new TocEntry(section, TextNormalizer.clean(text), listing.page()));
            }
        }
        return new TableOfContents(sections, entries);
    }

    private static void addSection(List<String> sections, String name) {
        if (!sections.contains(name)) {
            sections.add(name);
        }
    }
}
