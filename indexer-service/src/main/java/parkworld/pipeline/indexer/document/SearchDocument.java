package parkworld.pipeline.indexer.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueRef;

/**
 * An article as the search index holds it (mapping {@code elasticsearch/articles-v2.json}): built for searching and
 * for dashboards, derived from the {@link ArticleExtracted} event here and nowhere else. Unlike the event, every value
 * a dashboard aggregates is single-purpose and flat, so that counting and summing give the right answer:
 * <ul>
 * <li>one primary place ({@link #province}, {@link #provinceCode}, {@link #city}, {@link #location}): the first place
 * of the event, where the parser puts the places of the title and source attribution; an article's investment is
 * credited to that province only;</li>
 * <li>{@link #provinces}: every province the article names, once each, for counting articles per province;</li>
 * <li>{@link #investmentCny}: the article's one investment in yuan (the event's {@code investment.valueCny}, the
 * headline total, converted), never its parts or other amounts, so that a sum over articles counts each investment
 * once;</li>
 * <li>{@link #amounts}, {@link #places} and {@link #investment} as the event has them, for display only: the mapping
 * does not index them, so no dashboard can sum them by mistake.</li>
 * </ul>
 * The indexed object fields ({@link Issue}, {@link Organization}, {@link GeoPoint}) are this class's own records, not
 * the contract's: a field a newer contract version adds reaches the document only when it is added here and to the
 * mapping (which is strict).
 *
 * @param articleId     the article id, also the document id
 * @param issue         the issue it was printed in
 * @param ordinal       its position in the issue
 * @param page          the printed page of its title
 * @param section       the section heading, e.g. {@code 招商引资}
 * @param title         the title
 * @param lead          the lead paragraph
 * @param body          the body
 * @param sourceName    who the article credits, e.g. {@code 青岛市政府网站}; null when it credits nobody
 * @param eventType     what happened ({@code signing}, {@code groundbreaking}...); null when not classified
 * @param industries    industries of the project's taxonomy
 * @param organizations companies and institutions named, with their role
 * @param eventDates    dates mentioned in the text
 * @param province      the primary place's province; null when the article names no place
 * @param provinceCode  its ISO 3166-2 code
 * @param city          the primary place's city; null for a province only
 * @param location      the primary place's centroid
 * @param provinces     every province named, once each, in the event's order
 * @param investmentCny the article's investment in yuan; null when it announces none
 * @param investment    the investment as the event describes it (display only)
 * @param amounts       every amount of the event (display only)
 * @param places        every place of the event (display only)
 * @param parserVersion the parser that produced the event
 * @param parsedAt      when the parse ran, also the document's external version
 */
public record SearchDocument(String articleId, Issue issue, int ordinal, int page, String section, String title,
        String lead, String body, String sourceName, String eventType, List<String> industries,
        List<Organization> organizations, List<LocalDate> eventDates, String province, String provinceCode,
        String city, GeoPoint location, List<String> provinces, BigDecimal investmentCny,
        ArticleExtracted.Investment investment, List<ArticleExtracted.Amount> amounts,
        List<ArticleExtracted.Place> places, String parserVersion, Instant parsedAt) {

    /**
     * @param article a decoded, valid event
     * @return the article's search document
     */
    public static SearchDocument of(ArticleExtracted article) {
        List<ArticleExtracted.Place> places = listOrEmpty(article.places());
        ArticleExtracted.Place primary = places.isEmpty() ? null : places.get(0);
        LinkedHashSet<String> provinces = new LinkedHashSet<>();
        places.forEach(place -> provinces.add(place.province()));
        ArticleExtracted.Investment investment = article.investment();
        return new SearchDocument(article.articleId(), Issue.of(article.issue()), article.ordinal(), article.page(),
                article.section(), article.title(), article.lead(), article.body(), article.sourceName(),
                article.eventType(), listOrEmpty(article.industries()),
                listOrEmpty(article.organizations()).stream().map(Organization::of).toList(),
                listOrEmpty(article.eventDates()), primary == null ? null : primary.province(),
                primary == null ? null : primary.provinceCode(), primary == null ? null : primary.city(),
                primary == null ? null : GeoPoint.of(primary.location()), List.copyOf(provinces),
                investment == null ? null : investment.valueCny(), investment, listOrEmpty(article.amounts()), places,
                article.parserVersion(), article.parsedAt());
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * The issue of an article.
     *
     * @param serial       the running issue number, the issue's identity (two renders of one issue share it)
     * @param year         the cover's year
     * @param month        the cover's month
     * @param issueInMonth the number within the month
     * @param date         the date to put the issue on a time axis; null in events of producers before 0.2.0
     * @param title        the issue title
     * @param sourceUrl    where the PDF was fetched from: the link a reader follows
     * @param sha256       the PDF's SHA-256
     */
    public record Issue(int serial, int year, int month, int issueInMonth, LocalDate date, String title,
            String sourceUrl, String sha256) {

        static Issue of(IssueRef issue) {
            return new Issue(issue.serial(), issue.year(), issue.month(), issue.issueInMonth(), issue.date(),
                    issue.title(), issue.sourceUrl(), issue.sha256());
        }
    }

    /**
     * A company or institution the article names.
     *
     * @param name as printed
     * @param role {@code investor}, {@code partner}, {@code government}, {@code park} or {@code other}
     */
    public record Organization(String name, String role) {

        static Organization of(ArticleExtracted.Organization organization) {
            return new Organization(organization.name(), organization.role());
        }
    }

    /**
     * A WGS84 point, as a {@code geo_point} takes it.
     *
     * @param lat latitude in degrees
     * @param lon longitude in degrees
     */
    public record GeoPoint(double lat, double lon) {

        static GeoPoint of(ArticleExtracted.GeoPoint point) {
            return point == null ? null : new GeoPoint(point.lat(), point.lon());
        }
    }
}
