package parkworld.pipeline.benchmarks.corpus;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import parkworld.pipeline.benchmarks.corpus.IssueContent.Article;
import parkworld.pipeline.benchmarks.corpus.IssueContent.Section;

/**
 * Lays an issue out on A4 pages as the real 园区周报 is set (the geometry of the issue-121 fixture): a cover with
 * masthead, issue line and picture; a table of contents under {@code 目录} with right-aligned page numbers, over as
 * many pages as it needs; then the articles in one column, each section opening with its heading, each article
 * with its {@code ●} title, indented lead, optional picture and {@code ■} body paragraphs, running on from page to
 * page; a running header at the top right and the page number at the bottom of every article page. The table of
 * contents lists printed page numbers (the first article page is page 1), taken from the layout itself, so they
 * always match. Stateless; each call builds its own document.
 */
final class IssueRenderer {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

    static final float LEFT = 63f;

    static final float RIGHT = 533.2f;

    static final float COLUMN = RIGHT - LEFT;

    private static final float BODY_SIZE = 10.5f;

    private static final float LEADING = 16.5f;

    private static final float INDENT = 2 * BODY_SIZE;

    private static final float TITLE_SIZE = 11.5f;

    private static final float TITLE_BEFORE = 26f;

    private static final float AFTER_TITLE = 21f;

    private static final float SECTION_SIZE = 15f;

    private static final float SECTION_BEFORE = 32f;

    /** Baseline of the first line of a page is this far below the top, plus the line's font size. */
    private static final float FIRST_TOP = 58f;

    /** No text below this baseline: the parser reads the bottom 12% of a page as the running footer's band. */
    private static final float LAST_BASELINE = 738f;

    private static final float HEADER_SIZE = 7.5f;

    private static final float HEADER_RIGHT = 539.3f;

    private static final float HEADER_BASELINE = 34.5f;

    private static final float FOOTER_SIZE = 9f;

    private static final float FOOTER_BASELINE = 817.5f;

    private static final float TOC_SIZE = 10f;

    private static final float TOC_LEADING = 19.5f;

    private static final float TOC_SECTION_EXTRA = 4.5f;

    private static final float TOC_FIRST = 113f;

    private static final float TOC_CONTINUED_FIRST = 66.8f;

    private static final float IMAGE_GAP = 9f;

    static final String MASTHEAD = "园区周报";

    /** One piece of text at a position, top-left origin as the parser measures; {@code spacing} justifies it. */
    private record Text(float x, float baseline, float size, String text, float spacing) {
    }

    private record Picture(float x, float top, float width, float height, long seed) {
    }

    /** What goes on one page. */
    private static final class Sheet {

        final List<Text> texts = new ArrayList<>();

        final List<Picture> pictures = new ArrayList<>();

        /** Printed page number, 0 for the cover and the table of contents. */
        int printedNumber;

        /** Baseline of the last line set, or 0 on an empty page. */
        float cursor;
    }

    /** The PDF and what it holds. */
    record Rendered(byte[] pdf, int pages, int tocPages) {
    }

    Rendered render(IssueContent issue) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = CorpusFont.load(document);
            Typesetter setter = new Typesetter(font);
            Layout layout = new Layout(setter, issue);
            List<Sheet> articlePages = layout.articles();
            List<Sheet> tocPages = layout.tableOfContents();
            List<Sheet> all = new ArrayList<>();
            all.add(layout.cover());
            all.addAll(tocPages);
            all.addAll(articlePages);
            for (Sheet sheet : all) {
                draw(document, font, setter, issue, sheet);
            }
            describe(document, issue);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            document.save(out);
            return new Rendered(out.toByteArray(), all.size(), tocPages.size());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void draw(PDDocument document, PDType0Font font, Typesetter setter, IssueContent issue, Sheet sheet)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            for (Picture picture : sheet.pictures) {
                PDImageXObject image = JPEGFactory.createFromImage(document, picture(picture), 0.8f);
                content.drawImage(image, picture.x(), PAGE_HEIGHT - picture.top() - picture.height(), picture.width(),
                        picture.height());
            }
            List<Text> texts = new ArrayList<>(sheet.texts);
            if (sheet.printedNumber > 0) {
                String header = MASTHEAD + " " + issue.label();
                texts.add(new Text(HEADER_RIGHT - setter.width(header, HEADER_SIZE), HEADER_BASELINE, HEADER_SIZE,
                        header, 0));
                String number = Integer.toString(sheet.printedNumber);
                texts.add(new Text((PAGE_WIDTH - setter.width(number, FOOTER_SIZE)) / 2, FOOTER_BASELINE, FOOTER_SIZE,
                        number, 0));
            }
            float spacing = 0;
            for (Text text : texts) {
                content.beginText();
                content.setFont(font, text.size());
                if (text.spacing() != spacing) {
                    content.setCharacterSpacing(text.spacing());
                    spacing = text.spacing();
                }
                content.newLineAtOffset(text.x(), PAGE_HEIGHT - text.baseline());
                content.showText(text.text());
                content.endText();
            }
        }
    }

    /** A small photograph-like picture: sky, ground and buildings, drawn from its seed. */
    private static BufferedImage picture(Picture picture) {
        SplittableRandom random = new SplittableRandom(picture.seed());
        int width = Math.round(picture.width() * 1.2f);
        int height = Math.round(picture.height() * 1.2f);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Color sky = new Color(120 + random.nextInt(80), 160 + random.nextInt(60), 200 + random.nextInt(55));
            g.setPaint(new GradientPaint(0, 0, sky, 0, height, Color.WHITE));
            g.fillRect(0, 0, width, height);
            int horizon = height * 2 / 3;
            g.setColor(new Color(90 + random.nextInt(60), 110 + random.nextInt(60), 70 + random.nextInt(40)));
            g.fillRect(0, horizon, width, height - horizon);
            int x = random.nextInt(10);
            while (x < width) {
                int w = 12 + random.nextInt(30);
                int h = 20 + random.nextInt(horizon - 20);
                int grey = 90 + random.nextInt(120);
                g.setColor(new Color(grey, grey, Math.min(255, grey + random.nextInt(40))));
                g.fillRect(x, horizon - h, w, h);
                g.setColor(new Color(230, 230, 200));
                for (int wy = horizon - h + 4; wy < horizon - 4; wy += 7) {
                    for (int wx = x + 3; wx < x + w - 3; wx += 6) {
                        g.fillRect(wx, wy, 3, 3);
                    }
                }
                x += w + random.nextInt(8);
            }
        }
        finally {
            g.dispose();
        }
        return image;
    }

    private static void describe(PDDocument document, IssueContent issue) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(MASTHEAD + " " + issue.label() + " (总" + issue.serial() + "期)");
        info.setAuthor("园区世界");
        info.setCreator("parkworld corpus generator " + CorpusGenerator.VERSION);
        info.setProducer("PDFBox");
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai")));
        created.clear();
        created.set(issue.date().getYear(), issue.date().getMonthValue() - 1, issue.date().getDayOfMonth(), 9, 0, 0);
        info.setCreationDate(created);
        info.setModificationDate(created);
        // PDFBox makes up an ID from the clock when there is none: one derived from the issue keeps files identical
        byte[] id = ("parkworld-corpus-" + CorpusGenerator.VERSION + "-" + issue.serial() + "-" + issue.date())
                .getBytes(StandardCharsets.US_ASCII);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** The placement of one issue's text on its pages. */
    private static final class Layout {

        private final Typesetter setter;

        private final IssueContent issue;

        /** Table-of-contents entries with the printed page they point to, in order. */
        private final List<String> tocTexts = new ArrayList<>();

        private final List<Integer> tocPages = new ArrayList<>();

        private final List<Boolean> tocIsSection = new ArrayList<>();

        private final List<Sheet> pages = new ArrayList<>();

        private Sheet page;

        Layout(Typesetter setter, IssueContent issue) {
            this.setter = setter;
            this.issue = issue;
        }

        Sheet cover() {
            Sheet cover = new Sheet();
            centred(cover, MASTHEAD, 40f, 269.3f);
            centred(cover, this.issue.label() + " (总" + this.issue.serial() + "期)", 14f, 326.3f);
            centred(cover, "汇总一周“园区”资讯 ● 把握最新行业动态", 12f, 367.5f);
            cover.pictures.add(new Picture(137f, 400f, 320f, 200f, 31L * this.issue.serial() + 7));
            centred(cover, "园区世界 www.parkworld.net", 10.5f, 640.5f);
            return cover;
        }

        private void centred(Sheet sheet, String text, float size, float baseline) {
            sheet.texts.add(new Text((PAGE_WIDTH - this.setter.width(text, size)) / 2, baseline, size, text, 0));
        }

        /** Needs {@link #articles()} first: it lists their pages. */
        List<Sheet> tableOfContents() {
            List<Sheet> sheets = new ArrayList<>();
            Sheet sheet = new Sheet();
            sheets.add(sheet);
            centred(sheet, "目录", 16f, 84f);
            float baseline = TOC_FIRST - TOC_LEADING;
            for (int i = 0; i < this.tocTexts.size(); i++) {
                float next = baseline + TOC_LEADING + ((this.tocIsSection.get(i) && i > 0) ? TOC_SECTION_EXTRA : 0);
                if (next > LAST_BASELINE) {
                    sheet = new Sheet();
                    sheets.add(sheet);
                    next = TOC_CONTINUED_FIRST;
                }
                baseline = next;
                String entry = this.tocTexts.get(i);
                sheet.texts.add(new Text(LEFT, baseline, TOC_SIZE, entry, 0));
                String number = Integer.toString(this.tocPages.get(i));
                sheet.texts.add(new Text(RIGHT - this.setter.width(number, TOC_SIZE), baseline, TOC_SIZE, number, 0));
            }
            return sheets;
        }

        List<Sheet> articles() {
            for (Section section : this.issue.sections()) {
                // a heading keeps its first title and two lines with it
                ensureRoom(SECTION_BEFORE + TITLE_BEFORE + AFTER_TITLE + LEADING);
                place(section.heading(), SECTION_SIZE, LEFT, SECTION_BEFORE, 0);
                listInToc(section.heading(), true);
                boolean first = true;
                for (Article article : section.articles()) {
                    if (!first) {
                        ensureRoom(TITLE_BEFORE + AFTER_TITLE + LEADING);
                    }
                    place("●" + article.title(), TITLE_SIZE, LEFT, first ? 26f : TITLE_BEFORE, 0);
                    listInToc("●" + article.title(), false);
                    first = false;
                    float before = AFTER_TITLE;
                    if (!article.lead().isEmpty()) {
                        paragraph(article.lead(), before);
                        before = LEADING;
                    }
                    if (article.image() != 0) {
                        picture(article.image());
                        before = LEADING;
                    }
                    for (String paragraph : article.paragraphs()) {
                        paragraph("■" + paragraph, before);
                        before = LEADING;
                    }
                }
            }
            return this.pages;
        }

        private void listInToc(String text, boolean section) {
            this.tocTexts.add(text);
            this.tocPages.add(this.page.printedNumber);
            this.tocIsSection.add(section);
        }

        private void paragraph(String text, float before) {
            List<Typesetter.SetLine> lines = this.setter.lines(text, BODY_SIZE, INDENT, COLUMN);
            for (int i = 0; i < lines.size(); i++) {
                Typesetter.SetLine line = lines.get(i);
                float x = LEFT + ((i == 0) ? INDENT : 0);
                float room = COLUMN - ((i == 0) ? INDENT : 0);
                // full lines are justified to the right margin, as the fixture's are
                float spacing = (line.last() || line.text().length() < 2 || line.width() >= room) ? 0
                        : (room - line.width()) / (line.text().length() - 1);
                place(line.text(), BODY_SIZE, x, (i == 0) ? before : LEADING, spacing);
            }
        }

        private void picture(long seed) {
            float height = 110f + (seed % 30);
            float width = height * 1.5f;
            Sheet sheet = current();
            float top = (sheet.cursor == 0) ? FIRST_TOP : sheet.cursor + IMAGE_GAP;
            if (top + height + IMAGE_GAP + LEADING > LAST_BASELINE) {
                sheet = newPage();
                top = FIRST_TOP;
            }
            sheet.pictures.add(new Picture(LEFT + INDENT, top, width, height, seed));
            // the next line's "before" is measured from here
            sheet.cursor = top + height + IMAGE_GAP - LEADING + BODY_SIZE;
        }

        private void ensureRoom(float needed) {
            Sheet sheet = current();
            if (sheet.cursor != 0 && sheet.cursor + needed > LAST_BASELINE) {
                newPage();
            }
        }

        private void place(String text, float size, float x, float before, float spacing) {
            Sheet sheet = current();
            float baseline = (sheet.cursor == 0) ? FIRST_TOP + size : sheet.cursor + before;
            if (baseline > LAST_BASELINE) {
                sheet = newPage();
                baseline = FIRST_TOP + size;
            }
            sheet.texts.add(new Text(x, baseline, size, text, spacing));
            sheet.cursor = baseline;
        }

        private Sheet current() {
            return (this.page == null) ? newPage() : this.page;
        }

        private Sheet newPage() {
            Sheet sheet = new Sheet();
            sheet.printedNumber = this.pages.size() + 1;
            this.pages.add(sheet);
            this.page = sheet;
            return sheet;
        }
    }
}
