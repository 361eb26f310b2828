package parkworld.pipeline.parser.pipeline;

import java.util.Random;
import parkworld.pipeline.parser.fixtures.IssuePdf;

/**
 * Issue PDFs that make the parser build articles breaking the ArticleExtracted schema, as a layout it does not
 * handle would: articles before any section heading (empty {@code section}) and an article whose body is longer
 * than the schema's 200,000 characters.
 */
public final class GeneratedIssues {

    private static final String HEADER = "园区周报 2023年5月4期";
    private static final String[] WORDS = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
            "india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo" };

    private GeneratedIssues() {
    }

    /**
     * An issue the parser reads only in part, as a layout it does not know: its table of contents lists five
     * articles, the pages hold only the first two (so 2 of 5 entries match: a degraded parse).
     */
    public static byte[] degraded() {
        IssuePdf issue = IssuePdf.issue(121, "2023年5月4期").toc(toc -> {
            toc.section("一、招商引资", 1);
            for (int i = 1; i <= 5; i++) {
                toc.title("●" + title(i), i);
            }
        });
        for (int i = 1; i <= 2; i++) {
            int number = i;
            issue.page(p -> {
                p.header(HEADER);
                if (number == 1) {
                    p.section("一、招商引资");
                }
                p.title("●" + title(number)).body("■第" + number + "号项目在苏州工业园区签约（苏州市政府网站）。")
                    .footer(String.valueOf(number));
            });
        }
        return issue.build();
    }

    /**
     * @param articles     how many articles, one per page
     * @param withoutSection how many of the first articles come before the section heading (empty section)
     * @param hugeBody     whether the last article's body runs over 200,000 characters (on about 100 more pages)
     */
    public static byte[] issue(int articles, int withoutSection, boolean hugeBody) {
        IssuePdf issue = IssuePdf.issue(121, "2023年5月4期").toc(toc -> {
            toc.section("一、招商引资", 1);
            for (int i = 1; i <= articles; i++) {
                toc.title("●" + title(i), i);
            }
        });
        int page = 0;
        for (int i = 1; i <= articles; i++) {
            int number = i;
            int printed = ++page;
            boolean last = i == articles;
            issue.page(p -> {
                p.header(HEADER);
                if (number == withoutSection + 1) {
                    p.section("一、招商引资");
                }
                p.title("●" + title(number)).lead("5月" + number + "日，第" + number + "号项目在苏州工业园区签约。");
                if (last && hugeBody) {
                    p.body("■" + latinWords(printed, 1500));
                }
                else {
                    p.body("■项目主要建设新能源汽车零部件生产基地，达产后年产值预计超过" + number + "亿元（苏州市政府网站）。");
                }
                p.footer(String.valueOf(printed));
            });
        }
        if (hugeBody) {
            // 1,500 + 100 x 2,050 characters: past the body's maxLength of 200,000
            for (int i = 0; i < 100; i++) {
                int printed = ++page;
                boolean end = i == 99;
                issue.page(p -> p.header(HEADER)
                    .continued(" " + latinWords(printed, 2050) + (end ? "（苏州市政府网站）。" : ""))
                    .footer(String.valueOf(printed)));
            }
        }
        return issue.build();
    }

    /** Titles must differ in more than digits, or they would look like a running header. */
    public static String title(int number) {
        Random random = new Random(number);
        String words = "新能源汽车光伏储能电池半导体生物医药航空航天人工智能数字经济化工材料装备制造物流";
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            title.append(words.charAt(random.nextInt(words.length())));
        }
        return title.append("项目签约落地").toString();
    }

    /** Latin words, different on every page so no line looks like running content; about {@code length} chars. */
    private static String latinWords(int seed, int length) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
