package parkworld.pipeline.parser.enrichment;

import java.time.LocalDate;
import java.util.List;

import parkworld.pipeline.contract.ArticleExtracted;

/**
 * What {@link ArticleEnricher} found in one article, ready for the {@link ArticleExtracted} fields of the same
 * names. Every list is deduplicated, in order of appearance (places: source attribution, then title, then lead and
 * body), and never null.
 *
 * @param eventDates dates mentioned in the text, resolved against the issue date
 * @param amounts    money amounts
 * @param places     provinces and prefecture-level cities the article is about
 * @param industries slugs of the industry taxonomy ({@code enrichment/industries.tsv})
 * @param organizations companies and institutions the article is about, with their role
 * @param eventType  what happened, one of {@link ArticleExtracted#EVENT_TYPES} ({@link ArticleEnricher} gives
 *                   {@code other} when no rule matches); null when not classified at all
 * @param investment the headline investment amount, null when the article announces none
 */
public record Enrichment(List<LocalDate> eventDates, List<ArticleExtracted.Amount> amounts,
        List<ArticleExtracted.Place> places, List<String> industries, List<ArticleExtracted.Organization> organizations,
        String eventType, ArticleExtracted.Investment investment) {

    public Enrichment {
        eventDates = List.copyOf(eventDates);
        amounts = List.copyOf(amounts);
        places = List.copyOf(places);
        industries = List.copyOf(industries);
        organizations = List.copyOf(organizations);
    }

    /** Dates, amounts, places and industries only: no organizations, event type or investment found. */
    public Enrichment(List<LocalDate> eventDates, List<ArticleExtracted.Amount> amounts,
            List<ArticleExtracted.Place> places, List<String> industries) {
        this(eventDates, amounts, places, industries, List.of(), null, null);
    }
}
