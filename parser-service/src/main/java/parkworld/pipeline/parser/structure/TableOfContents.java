package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.List;

import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.TextLine;
import parkworld.pipeline.parser.pdf.TextRun;

/**
 * The table of contents: section headings and {@code ●} titles, each followed by a page number
 * that is set apart by a wide gap or dot leaders.
 *
 * @param sections section names in listed order
 * @param entries listed articles in listed order
 */
record TableOfContents(List<String> sections, List<TocEntry> entries) {

    static final TableOfContents NONE = new TableOfContents(List.of(), List.of());

    /** A TOC page has at least this many entries ... */
    private static final int MIN_ENTRIES_PER_PAGE = 3;

    /** ... and they make up at least half of its lines. */
    private static final double MIN_ENTRY_SHARE = 0.5;

    /** Wider gaps than this many font sizes separate a title from its page number. */
    private static final float MIN_NUMBER_GAP_EM = 2f;

    TableOfContents {
        sections = List.copyOf(sections);
        entries = List.copyOf(entries);
    }

    boolean isEmpty() {
        return this.entries.isEmpty();
    }

    static boolean isTocPage(ContentPage page) {
        int entries = 0;
        int considered = 0;
        for (TextLine line : page.lines()) {
            if (isTocHeading(line.text())) {
                continue;
            }
            considered++;
            if (listedPage(line) != null) {
                entries++;
            }
        }
        return entries >= MIN_ENTRIES_PER_PAGE && entries >= considered * MIN_ENTRY_SHARE;
    }

    private static boolean isTocHeading(String text) {
        String compact = Headings.removeWhitespace(text);
        return compact.equals("目录") || compact.equalsIgnoreCase("contents");
    }

    static TableOfContents read(List<ContentPage> pages) {
        List<String> sections = new ArrayList<>();
        List<TocEntry> entries = new ArrayList<>();
        String section = "";
        String wrappedTitle = null;
        for (ContentPage page : pages) {
            for (TextLine line : page.lines()) {
                Listing listing = listedPage(line);
                if (listing == null) {
                    String sectionName = Headings.sectionName(line.text());
                    if (Headings.isTitle(line.text())) {
                        wrappedTitle = line.text();
                    }
                    else if (wrappedTitle != null) {
                        wrappedTitle = TextJoiner.joinWrapped(wrappedTitle, line.text());
                    }
                    else if (sectionName != null) {
                        // a section heading listed without page number
                        section = sectionName;
                        sections.add(sectionName);
                    }
                    continue;
                }
                String text = listing.text();
                if (wrappedTitle != null) {
                    text = TextJoiner.joinWrapped(wrappedTitle, text);
                    wrappedTitle = null;
                }
                String sectionName = Headings.isTitle(text) ? null : Headings.sectionName(text);
                if (sectionName != null) {
                    section = sectionName;
                    sections.add(sectionName);
                }
                else {
                    String title = TextNormalizer.clean(Headings.stripBullet(text));
                    entries.add(new TocEntry(section, title, listing.page()));
                }
            }
        }
        return new TableOfContents(sections, entries);
    }

    /** A line that ends with a listed page number: its text before the number, and the number. */
    private record Listing(String text, int page) {
    }

    private static Listing listedPage(TextLine line) {
        List<TextRun> runs = line.runs();
        if (runs.size() >= 2) {
            TextRun last = runs.get(runs.size() - 1);
            TextRun previous = runs.get(runs.size() - 2);
            int number = number(last.text().strip());
            if (number >= 0 && last.x() - previous.xEnd() >= MIN_NUMBER_GAP_EM * line.fontSize()) {
                String text = line.text().substring(0, line.text().length() - last.text().strip().length());
                return new Listing(stripLeaders(text), number);
            }
        }
        return listingWithLeaders(line.text());
    }

    /** {@code 标题……12} or {@code 标题 ..... 12}: a number after at least two leader dots. */
    private static Listing listingWithLeaders(String text) {
        int end = text.length();
        int digitsStart = end;
        while (digitsStart > 0 && isDigit(text.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        if (digitsStart == end || end - digitsStart > 4) {
            return null;
        }
        String before = text.substring(0, digitsStart);
        String title = stripLeaders(before);
        int leaders = 0;
        for (int i = title.length(); i < before.length(); i++) {
            if (isLeader(before.charAt(i))) {
                leaders++;
            }
        }
        if (leaders < 2 || title.isEmpty()) {
            return null;
        }
        return new Listing(title, Integer.parseInt(text.substring(digitsStart)));
    }

    private static String stripLeaders(String text) {
        int end = text.length();
        while (end > 0 && (isLeader(text.charAt(end - 1)) || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isLeader(char c) {
        return c == '.' || c == '…' || c == '·' || c == '．' || c == '⋯' || c == '-' || c == '_';
    }

    private static int number(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
