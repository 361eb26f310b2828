package parkworld.pipeline.benchmarks.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import parkworld.pipeline.benchmarks.corpus.IssueContent.Article;
import parkworld.pipeline.benchmarks.corpus.IssueContent.Section;
import parkworld.pipeline.benchmarks.corpus.PhraseTables.City;
import parkworld.pipeline.benchmarks.corpus.PhraseTables.Industry;

/**
 * Writes the text of one issue from {@link PhraseTables}: sections, distinct titles, optional leads, bodies of
 * several paragraphs closing with a source in brackets. Everything is drawn from the random source it is given, so
 * the same source gives the same issue. Single use per issue.
 */
final class ArticleWriter {

    /** A title is set on one line of the table of contents and of the article. */
    static final int MAX_TITLE_LENGTH = 36;

    static final int MIN_BODY_LENGTH = 400;

    static final int MAX_BODY_LENGTH = 2000;

    private final SplittableRandom random;

    private final LocalDate date;

    private final Set<String> titles = new HashSet<>();

    ArticleWriter(SplittableRandom random, LocalDate date) {
        this.random = random;
        this.date = date;
    }

    /**
     * @param articlesPerSection how many articles each section gets, in print order (3 or 4 sections)
     * @param bodyLength         mean body length in characters
     * @param imageShare         share of the articles with a picture
     */
    List<Section> sections(int[] articlesPerSection, int bodyLength, double imageShare) {
        List<Section> sections = new ArrayList<>(articlesPerSection.length);
        for (int s = 0; s < articlesPerSection.length; s++) {
            String name = PhraseTables.SECTION_NAMES.get(s);
            sections.add(section(s, name, PhraseTables.NUMERALS[s] + "、" + name, articlesPerSection[s], bodyLength,
                    imageShare));
        }
        return sections;
    }

    /**
     * One section of {@code count} articles of a kind (index in {@link PhraseTables#SECTION_NAMES}: the titles and
     * sentences it draws from), under a name of its own; titles stay distinct across all sections this writer wrote.
     */
    Section section(int kind, String name, String heading, int count, int bodyLength, double imageShare) {
        List<Article> articles = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            articles.add(article(kind, bodyLength, imageShare));
        }
        return new Section(name, heading, articles);
    }

    private Article article(int kind, int meanBodyLength, double imageShare) {
        Slots slots = new Slots();
        String title;
        do {
            slots = new Slots();
            title = slots.fill(pick(PhraseTables.TITLES.get(kind)));
        }
        while (title.length() > MAX_TITLE_LENGTH || !this.titles.add(title));
        String lead = "";
        if (this.random.nextInt(100) < 60) {
            LocalDate day = this.date.minusDays(1 + this.random.nextInt(7));
            lead = day.getMonthValue() + "月" + day.getDayOfMonth() + "日，" + title.replace(' ', '，') + "。";
        }
        int target = (int) Math.round(meanBodyLength * (0.6 + 0.8 * this.random.nextDouble()));
        target = Math.max(MIN_BODY_LENGTH, Math.min(MAX_BODY_LENGTH - 60, target));
        String source = slots.fill(pick(PhraseTables.SOURCES));
        List<String> paragraphs = body(kind, slots, target, source);
        long image = (this.random.nextDouble() < imageShare) ? 1 + this.random.nextLong(Long.MAX_VALUE - 1) : 0;
        return new Article(title, lead, paragraphs, source, image);
    }

    private List<String> body(int kind, Slots slots, int target, String source) {
        List<String> pool = new ArrayList<>(PhraseTables.SENTENCES.get(kind));
        pool.addAll(PhraseTables.GENERAL);
        List<String> paragraphs = new ArrayList<>();
        int length = 0;
        StringBuilder paragraph = new StringBuilder();
        int sentences = 0;
        int perParagraph = 2 + this.random.nextInt(4);
        Set<String> used = new HashSet<>();
        while (length + paragraph.length() < target) {
            String sentence = pick(pool);
            if (!used.add(sentence) && used.size() < pool.size()) {
                continue;
            }
            if (used.size() >= pool.size()) {
                // every sentence said once: a new set of names for the rest
                used.clear();
                slots = new Slots();
            }
            paragraph.append(slots.fill(sentence));
            if (++sentences == perParagraph) {
                paragraphs.add(paragraph.toString());
                length += paragraph.length();
                paragraph.setLength(0);
                sentences = 0;
                perParagraph = 2 + this.random.nextInt(4);
            }
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
        }
        int last = paragraphs.size() - 1;
        String closing = paragraphs.get(last);
        // the source closes the last sentence: …总投资额达30亿元（中山市政府网站）。
        paragraphs.set(last, closing.substring(0, closing.length() - 1) + "（" + source + "）。");
        return paragraphs;
    }

    private <T> T pick(List<T> items) {
        return items.get(this.random.nextInt(items.size()));
    }

    private int between(int min, int max) {
        return min + this.random.nextInt(max - min + 1);
    }

    /** The names and figures of one article, drawn once so that title, lead and body agree. */
    private final class Slots {

        final City city = pick(PhraseTables.CITIES);

        final Industry industry = pick(PhraseTables.INDUSTRIES);

        final Industry industry2 = pick(PhraseTables.INDUSTRIES);

        final String brand = pick(PhraseTables.BRAND_FIRST) + pick(PhraseTables.BRAND_SECOND);

        final String company = this.brand + this.industry.companyWord();

        final String park = this.city.shortName() + pick(PhraseTables.PARK_KINDS);

        final String product = pick(this.industry.products());

        final String amount = amount();

        final String region = pick(PhraseTables.REGIONS);

        String fill(String template) {
            StringBuilder out = new StringBuilder(template.length() + 32);
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                int close = (c == '{') ? template.indexOf('}', i) : -1;
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                out.append(value(template.substring(i + 1, close)));
                i = close + 1;
            }
            return out.toString();
        }

        private String value(String slot) {
            int year = ArticleWriter.this.date.getYear();
            return switch (slot) {
                case "city" -> this.city.name();
                case "cityShort" -> this.city.shortName();
                case "province" -> this.city.province();
                case "industry" -> this.industry.name();
                case "industry2" -> (this.industry2 == this.industry) ? "现代服务业" : this.industry2.name();
                case "company" -> this.company;
                case "companyFull" -> this.brand + this.industry.companyWord() + pick(PhraseTables.COMPANY_FORMS);
                case "park" -> this.park;
                case "product" -> this.product;
                case "region" -> this.region;
                case "amount" -> this.amount;
                case "bigAmount" -> between(101, 1200) + "." + between(1, 9) + "亿元";
                case "usdAmount" -> between(2, 40) * 1000 + "万美元";
                case "capacity" -> between(2, 60) + this.industry.capacityUnit();
                case "quarter" -> pick(PhraseTables.QUARTERS);
                case "count" -> Integer.toString(between(8, 160));
                case "few" -> Integer.toString(between(2, 9));
                case "firms" -> Integer.toString(between(30, 600));
                case "jobs" -> Integer.toString(between(200, 3000));
                case "acres" -> Integer.toString(between(50, 1200));
                case "area" -> between(2, 90) + "." + between(1, 9);
                case "scale" -> Integer.toString(between(10, 900));
                case "tax" -> between(1, 20) + "." + between(1, 9);
                case "tenThousands" -> Integer.toString(between(1, 50) * 100);
                case "percent" -> between(3, 35) + "." + between(1, 9) + "%";
                case "countries" -> Integer.toString(between(20, 120));
                case "founded" -> Integer.toString(between(1988, year - 3));
                case "distance" -> Integer.toString(between(4, 12) * 1000);
                case "days" -> Integer.toString(between(10, 20));
                case "ordinal" -> PhraseTables.NUMERALS[between(0, PhraseTables.NUMERALS.length - 1)];
                case "year" -> Integer.toString(year);
                case "yearPlus1" -> Integer.toString(year + 1);
                case "yearPlus2" -> Integer.toString(year + 2);
                case "month" -> Integer.toString(ArticleWriter.this.date.getMonthValue());
                case "foreign" -> pick(PhraseTables.FOREIGN_CITIES);
                case "university" -> pick(PhraseTables.UNIVERSITIES);
                case "topic" -> pick(PhraseTables.POLICY_TOPICS);
                case "theme" -> pick(PhraseTables.THEMES);
                default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
            };
        }

        private String amount() {
            return switch (ArticleWriter.this.random.nextInt(6)) {
                case 0 -> between(1, 30) + "亿美元";
                case 1 -> between(5, 95) * 100 + "万美元";
                case 2 -> between(2, 99) * 100 + "万元";
                case 3 -> String.format(Locale.ROOT, "%d.%d亿元", between(1, 99), between(1, 9));
                default -> between(2, 520) + "亿元";
            };
        }
    }
}
