package parkworld.pipeline.benchmarks.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import parkworld.pipeline.benchmarks.corpus.IssueContent.Section;

/**
 * One genuine large issue of 园区周报, for measuring the parser on hundreds of pages of one issue: the corpus's
 * layout and vocabulary ({@link IssueRenderer}, {@link ArticleWriter}), but {@link #DEFAULT_SECTIONS} or more
 * sections, each with a name of its own ({@code 十一、长三角政策法规}), about two articles per page, every title
 * distinct, and a table of contents over dozens of pages that lists every section and article with its printed page.
 * One cover, one table of contents: the parser should read it as one issue with no warning at all (what the corpus
 * issues give), unlike the fixture's pages repeated, whose repeated titles the table of contents cannot list.
 *
 * <p>Like the corpus, the issue depends only on the seed and the shape asked for; same arguments, same bytes.
 */
public final class LargeIssue {

    /** The size the benchmarks use: a year's special issue rather than a week's. */
    public static final int DEFAULT_PAGES = 500;

    public static final int DEFAULT_SECTIONS = 12;

    /** Its serial and date are the corpus's issue of this number (2022-12-23): the year-end issue. */
    static final int SERIAL = 260;

    /** The fixture has 43 articles on 22 pages, the corpus 40 on 21: about two per page. */
    private static final double ARTICLES_PER_PAGE = 1.9;

    /** How far the page count may miss the one asked for, as a share of it. */
    private static final double PAGE_TOLERANCE = 0.03;

    private static final int MAX_ATTEMPTS = 8;

    /** Entries a table-of-contents page holds, as {@link IssueRenderer} sets them (33 on the first, 35 after). */
    private static final int TOC_ENTRIES_PER_PAGE = 34;

    /** Characters an article page holds, and what an article and a picture cost beyond their text. */
    private static final int CHARS_PER_PAGE = 1_750;

    private static final int CHARS_PER_ARTICLE = 280;

    private static final int CHARS_PER_PICTURE = 380;

    /** Articles of each kind of {@link PhraseTables#SECTION_NAMES} relative to the others: investment news leads. */
    private static final double[] KIND_WEIGHTS = { 3, 2, 1, 2 };

    private final int pages;

    private final int sections;

    /** The issue the benchmarks use. */
    public LargeIssue() {
        this(DEFAULT_PAGES, DEFAULT_SECTIONS);
    }

    /**
     * @param pages    pages to aim for (the issue has within 3% of them, cover and table of contents included)
     * @param sections sections, 4 to 40 (each kind of section once per region of {@link PhraseTables#REGIONS})
     */
    public LargeIssue(int pages, int sections) {
        int kinds = PhraseTables.SECTION_NAMES.size();
        if (sections < kinds || sections > kinds * PhraseTables.REGIONS.size()) {
            throw new IllegalArgumentException("sections must be between " + kinds + " and "
                    + kinds * PhraseTables.REGIONS.size() + " but was " + sections);
        }
        if (pages < 10 * sections) {
            throw new IllegalArgumentException(sections + " sections need at least " + 10 * sections
                    + " pages, not " + pages);
        }
        this.pages = pages;
        this.sections = sections;
    }

    /** Writes the issue of {@code seed} to {@code file} and says what it holds. */
    public GeneratedIssue write(Path file, long seed) {
        CorpusGenerator.Generated generated = generate(seed);
        byte[] pdf = generated.rendered().pdf();
        try {
            Files.write(file, pdf);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        IssueContent content = generated.content();
        return new GeneratedIssue(file, content.serial(), content.date(), content.label(), generated.rendered().pages(),
                content.sections().size(), content.articleCount(), pdf.length, CorpusGenerator.sha256(pdf), false);
    }

    /** Lays the issue out, and again with longer or shorter bodies while its page count misses the one asked for. */
    CorpusGenerator.Generated generate(long seed) {
        IssueRenderer renderer = new IssueRenderer();
        double scale = 1.0;
        IssueRenderer.Rendered rendered = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            IssueContent content = plan(seed, attempt, scale);
            rendered = renderer.render(content);
            if (Math.abs(rendered.pages() - this.pages) <= this.pages * PAGE_TOLERANCE) {
                return new CorpusGenerator.Generated(content, rendered);
            }
            int articlePages = rendered.pages() - 1 - rendered.tocPages();
            scale *= (double) (this.pages - 1 - rendered.tocPages()) / Math.max(1, articlePages);
        }
        throw new IllegalStateException("the large issue of seed " + seed + " has " + rendered.pages()
                + " pages after " + MAX_ATTEMPTS + " layouts, not about " + this.pages);
    }

    private IssueContent plan(long seed, int attempt, double scale) {
        // a stream of its own (not corpus issue SERIAL's); the shape stays the same from one attempt to the next
        SplittableRandom random = new SplittableRandom(CorpusGenerator.mix(seed, -this.pages, this.sections));
        LocalDate date = CorpusGenerator.FIRST_ISSUE_DATE.plusWeeks(SERIAL - 1L);
        int issueInMonth = (date.getDayOfMonth() - 1) / 7 + 1;
        int articles = (int) Math.round(this.pages * ARTICLES_PER_PAGE);
        int[] perSection = split(articles, random);
        double imageShare = 0.08 + 0.1 * random.nextDouble();
        int tocPages = (articles + this.sections + TOC_ENTRIES_PER_PAGE - 1) / TOC_ENTRIES_PER_PAGE;
        double budget = (this.pages - 1 - tocPages) * (double) CHARS_PER_PAGE - articles * CHARS_PER_ARTICLE
                - articles * imageShare * CHARS_PER_PICTURE;
        int meanBody = (int) Math.max(ArticleWriter.MIN_BODY_LENGTH, Math.min(ArticleWriter.MAX_BODY_LENGTH,
                scale * budget / articles));
        ArticleWriter writer = new ArticleWriter((attempt == 0) ? random
                : new SplittableRandom(CorpusGenerator.mix(seed, -this.pages, this.sections + attempt)), date);
        List<Section> sections = new ArrayList<>(this.sections);
        int kinds = PhraseTables.SECTION_NAMES.size();
        for (int s = 0; s < this.sections; s++) {
            int kind = s % kinds;
            String name = PhraseTables.REGIONS.get(s / kinds) + PhraseTables.SECTION_NAMES.get(kind);
            sections.add(writer.section(kind, name, numeral(s + 1) + "、" + name, perSection[s], meanBody,
                    imageShare));
        }
        return new IssueContent(SERIAL, date, issueInMonth, sections);
    }

    /** Articles per section by the weight of its kind, give or take 20%, at least 3 each. */
    private int[] split(int articles, SplittableRandom random) {
        double[] weights = new double[this.sections];
        double total = 0;
        for (int s = 0; s < this.sections; s++) {
            weights[s] = KIND_WEIGHTS[s % KIND_WEIGHTS.length] * (0.8 + 0.4 * random.nextDouble());
            total += weights[s];
        }
        int[] counts = new int[this.sections];
        int given = 0;
        for (int s = 0; s < this.sections; s++) {
            counts[s] = Math.max(3, (int) Math.round(articles * weights[s] / total));
            given += counts[s];
        }
        // rounding: the first section takes up the difference
        counts[0] += articles - given;
        return counts;
    }

    /** {@code 1} to {@code 99} as a section number is written: 一, 十, 十一, 二十, 二十三. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("section numbers go from 1 to 99, not " + n);
        }
        String digits = "一二三四五六七八九";
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder out = new StringBuilder(3);
        if (tens > 1) {
            out.append(digits.charAt(tens - 1));
        }
        if (tens > 0) {
            out.append('十');
        }
        if (ones > 0) {
            out.append(digits.charAt(ones - 1));
        }
        return out.toString();
    }

    /** {@code --out FILE [--pages N] [--sections S] [--seed S]}: writes the issue and says what it holds. */
    public static void main(String[] args) {
        Path out = null;
        int pages = DEFAULT_PAGES;
        int sections = DEFAULT_SECTIONS;
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--pages" -> pages = Integer.parseInt(args[++i]);
                    case "--sections" -> sections = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out is required");
            }
        }
        catch (RuntimeException ex) {
            System.err.println("large issue: " + ex.getMessage());
            System.err.println("usage: LargeIssue --out FILE [--pages N] [--sections S] [--seed S]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        GeneratedIssue issue = new LargeIssue(pages, sections).write(out, seed);
        System.out.println(describe(issue, seed) + String.format(Locale.ROOT, "; %.1f s",
                (System.nanoTime() - start) / 1e9));
    }

    /** One line saying what the issue is, for reports. */
    public static String describe(GeneratedIssue issue, long seed) {
        return String.format(Locale.ROOT, "one generated issue (LargeIssue, seed %d) %s 总%d期: %d pages, "
                + "%d sections, %d articles, %d bytes", seed, issue.label(), issue.serial(), issue.pages(),
                issue.sections(), issue.articles(), issue.bytes());
    }
}
