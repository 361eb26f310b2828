package parkworld.pipeline.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One article of an issue; published on {@link Topics#ARTICLES} with key {@link #articleId()}. Field names are a
 * public contract: downstream teams code against them.
 *
 * @param schemaVersion the version of this event's schema, {@link #SCHEMA_VERSION}
 * @param articleId     stable id: the same article of the same issue always gets the same id
 * @param issue         the issue the article was printed in
 * @param ordinal       1-based position of the article in the issue
 * @param section       the section heading it appears under, e.g. {@code 招商引资}
 * @param title         the title, wrapped lines joined
 * @param lead          the lead paragraph, empty when the article has none
 * @param body          the body, markers removed, paragraphs separated by {@code \n}
 * @param sourceName    the source attribution printed at the end of the body, null when absent
 * @param page          the printed page number the title is on
 * @param eventDates    dates mentioned in the text, resolved against the issue date
 * @param amounts       money amounts mentioned in the text
 * @param places        provinces and cities the article is about
 * @param industries    industries from the project's taxonomy
 * @param parserVersion version of the parser that produced this event
 * @param parsedAt      when this parse ran: a later parse of the same issue supersedes an earlier one
 * @param organizations companies and institutions the article is about, with their role; empty when none (added in
 *                      0.2.0: absent, and read as empty, in events of earlier producers)
 * @param eventType     what happened, one of {@link #EVENT_TYPES}; null when not classified (added in 0.2.0)
 * @param investment    the one amount that represents the article's investment (the headline total, not its parts),
 *                      so that summing it over articles never double-counts; null when the article announces none
 *                      (added in 0.2.0)
 */
public record ArticleExtracted(int schemaVersion, String articleId, IssueRef issue, int ordinal, String section,
        String title, String lead, String body, String sourceName, int page, List<LocalDate> eventDates,
        List<Amount> amounts, List<Place> places, List<String> industries, String parserVersion, Instant parsedAt,
        List<Organization> organizations, String eventType, Investment investment) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * The event types the parser assigns today. A later minor version may add one: consumers must treat an unknown
     * value like {@code other}.
     */
    public static final List<String> EVENT_TYPES = List.of("signing", "groundbreaking", "production-start", "opening",
            "settlement", "expansion", "policy", "conference", "other");

    public ArticleExtracted {
        // Events of producers before 0.2.0 have no organizations: read them as none.
        organizations = organizations == null ? List.of() : organizations;
    }

    /** An article as producers before 0.2.0 described it: no organizations, event type or investment. */
    public ArticleExtracted(int schemaVersion, String articleId, IssueRef issue, int ordinal, String section,
            String title, String lead, String body, String sourceName, int page, List<LocalDate> eventDates,
            List<Amount> amounts, List<Place> places, List<String> industries, String parserVersion,
            Instant parsedAt) {
        this(schemaVersion, articleId, issue, ordinal, section, title, lead, body, sourceName, page, eventDates, amounts,
                places, industries, parserVersion, parsedAt, List.of(), null, null);
    }

    /**
     * A company or institution an article is about.
     *
     * @param name the name as printed, e.g. {@code 鹏辉能源}
     * @param role {@code investor}, {@code partner}, {@code government}, {@code park} or {@code other}; a later minor
     *             version may add roles
     */
    public record Organization(String name, String role) {
    }

    /**
     * The investment an article announces.
     *
     * @param value       in units of the currency
     * @param currency    ISO 4217
     * @param valueCny    the value in yuan, converted with the documented annual average rate of the issue year
     * @param approximate true for {@code 约}, {@code 超}, {@code 近} and the like
     * @param text        the amount as printed
     */
    public record Investment(BigDecimal value, String currency, BigDecimal valueCny, boolean approximate, String text) {
    }

    /**
     * A money amount.
     *
     * @param value       the amount in units of the currency ({@code 86亿元} gives 8600000000)
     * @param currency    ISO 4217 code, e.g. {@code CNY}
     * @param approximate true for {@code 约}, {@code 超}, {@code 近}, {@code 以上}, {@code 逾} and the like
     * @param text        the amount as printed
     */
    public record Amount(BigDecimal value, String currency, boolean approximate, String text) {
    }

    /**
     * A place the article is about.
     *
     * @param province     full official province name, e.g. {@code 广东省}
     * @param provinceCode ISO 3166-2 code, e.g. {@code CN-GD}
     * @param city         full prefecture-level city name, e.g. {@code 中山市}; null for a province only
     * @param location     centroid of the city (or province)
     */
    public record Place(String province, String provinceCode, String city, GeoPoint location) {
    }

    /**
     * A WGS84 point.
     *
     * @param lat latitude in degrees
     * @param lon longitude in degrees
     */
    public record GeoPoint(double lat, double lon) {
    }
}
