package parkworld.pipeline.benchmarks.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one generated issue says, before it is laid out: its number and date, and its sections of articles.
 *
 * @param serial       the serial number printed as {@code 总N期}
 * @param date         the day the issue appeared
 * @param issueInMonth which issue of its month it is ({@code 4} in {@code 2023年5月4期})
 * @param sections     in print order
 */
record IssueContent(int serial, LocalDate date, int issueInMonth, List<Section> sections) {

    IssueContent {
        Objects.requireNonNull(date, "date");
        sections = List.copyOf(sections);
    }

    /** {@code 2023年5月4期}, as the cover and the running header print it. */
    String label() {
        return this.date.getYear() + "年" + this.date.getMonthValue() + "月" + this.issueInMonth + "期";
    }

    int articleCount() {
        return this.sections.stream().mapToInt((section) -> section.articles().size()).sum();
    }

    /**
     * A numbered section such as {@code 一、招商引资}.
     *
     * @param name     without its number, e.g. {@code 招商引资}
     * @param heading  as printed, e.g. {@code 一、招商引资}
     */
    record Section(String name, String heading, List<Article> articles) {

        Section {
            articles = List.copyOf(articles);
        }
    }

    /**
     * One article.
     *
     * @param title      without the {@code ●} bullet
     * @param lead       the paragraph before the body, or empty for none
     * @param paragraphs the body paragraphs without their {@code ■} marker; the last one ends with the source
     * @param source     the publisher named in brackets at the end of the body, e.g. {@code 中山市政府网站}
     * @param image      seed of the picture drawn under the lead, or 0 for none
     */
    record Article(String title, String lead, List<String> paragraphs, String source, long image) {

        Article {
            paragraphs = List.copyOf(paragraphs);
        }

        int bodyLength() {
            return this.paragraphs.stream().mapToInt(String::length).sum();
        }
    }
}
