package parkworld.pipeline.parser.structure;

/**
 * One article of an issue. Its text is clean whatever program made the PDF: no blanks next to
 * Chinese characters (so {@code 5月24日}, not {@code 5 月 24 日}), single spaces between Latin
 * words, punctuation as printed.
 *
 * @param ordinal position in the issue, starting at 1
 * @param section name of the section heading above the article without its numbering
 *        (e.g. {@code 招商引资}), "" if the article comes before any section heading
 * @param title the {@code ●} title without the bullet, wrapped lines joined
 * @param lead the paragraph(s) between title and {@code ■} body, "" when absent
 * @param body the {@code ■} paragraph(s) with the markers removed, separated by {@code \n},
 *        layout line wraps joined; ends with the source attribution as printed
 * @param sourceName the source in the closing brackets of the body, e.g. {@code 中山市政府网站},
 *        or {@code null} when the body does not end with one
 * @param page printed page number of the page with the title (physical page number when the
 *        page has none)
 * @param tocTitle the title as listed in the table of contents, {@code null} when the table of
 *        contents does not list the article
 */
public record ParsedArticle(int ordinal, String section, String title, String lead, String body,
        String sourceName, int page, String tocTitle) {

    /** An article without a table-of-contents match. */
    public ParsedArticle(int ordinal, String section, String title, String lead, String body,
            String sourceName, int page) {
        this(ordinal, section, title, lead, body, sourceName, page, null);
    }

    ParsedArticle withTocTitle(String newTocTitle) {
        return new ParsedArticle(this.ordinal, this.section, this.title, this.lead, this.body,
                this.sourceName, this.page, newTocTitle);
    }
}
