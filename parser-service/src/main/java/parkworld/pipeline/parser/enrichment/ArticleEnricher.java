package parkworld.pipeline.parser.enrichment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import parkworld.pipeline.contract.ArticleExtracted.Amount;

/**
 * Fills the enrichment fields of an article: event dates, money amounts, places, industries, organizations, event
 * type and investment. Build one at start up (it loads the gazetteer, the industry taxonomy, the organization terms,
 * the event-type rules, the exchange rates and HanLP's models from the classpath, and fails fast if a resource is
 * malformed) and share it: it is immutable and thread-safe. Rules: {@code parser-service/ENRICHMENT.md}.
 */
public final class ArticleEnricher {

    private final DateResolver dates = new DateResolver();

    private final AmountExtractor amounts = new AmountExtractor();

    private final PlaceResolver places;

    private final IndustryClassifier industries;

    private final OrganizationRecognizer organizations;

    private final EventTypeClassifier eventTypes = EventTypeClassifier.load();

    private final InvestmentSelector investments = new InvestmentSelector(ExchangeRates.load());

    public ArticleEnricher() {
        Gazetteer gazetteer = Gazetteer.load();
        IndustryTaxonomy taxonomy = IndustryTaxonomy.load();
        this.places = new PlaceResolver(gazetteer);
        this.industries = new IndustryClassifier(taxonomy);
        this.organizations = new OrganizationRecognizer(OrganizationTerms.load(), gazetteer, taxonomy);
    }

    /**
     * Enriches one article.
     *
     * @param title      the title; null is treated as empty
     * @param lead       the lead, empty when none; null is treated as empty
     * @param body       the body, which may end with the source attribution; null is treated as empty
     * @param sourceName the source attribution without brackets ({@code 中山市政府网站}), or null
     * @param issueDate  year and month of the issue, used for dates printed without a year; null when unknown, in
     *                   which case only dates with their own year are resolved
     * @return the enrichment, lists deduplicated in order of appearance
     */
    public Enrichment enrich(String title, String lead, String body, String sourceName, IssueDate issueDate) {
        String safeTitle = (title != null) ? title : "";
        String safeLead = (lead != null) ? lead : "";
        // the attribution is already read as the source; left in the body it would be counted a second time
        String text = withoutAttribution((body != null) ? body : "", sourceName);
        String leadAndBody = safeLead.isEmpty() ? text : safeLead + "\n" + text;

        // folded once for the dates and the amounts, which both read digits
        String foldedTitle = WidthNormalizer.fold(safeTitle);
        String foldedText = WidthNormalizer.fold(leadAndBody);
        Set<LocalDate> eventDates = new LinkedHashSet<>();
        eventDates.addAll(dates.resolveFolded(foldedTitle, issueDate));
        eventDates.addAll(dates.resolveFolded(foldedText, issueDate));

        // located once, for the amounts and for the investment among them
        InvestmentSelector.Located inTitle = new InvestmentSelector.Located(safeTitle,
                amounts.locate(safeTitle, foldedTitle));
        InvestmentSelector.Located inText = new InvestmentSelector.Located(leadAndBody,
                amounts.locate(leadAndBody, foldedText));
        List<Amount> found = new ArrayList<>();
        inTitle.amounts().forEach(a -> found.add(a.amount()));
        inText.amounts().forEach(a -> found.add(a.amount()));

        Integer year = (issueDate != null) ? issueDate.year() : null;
        String eventType = eventTypes.classify(safeTitle, safeLead);
        return new Enrichment(new ArrayList<>(eventDates), distinct(found),
                places.resolve(sourceName, safeTitle, leadAndBody), industries.classify(safeTitle, leadAndBody),
                organizations.recognize(safeTitle, safeLead, text, "policy".equals(eventType)), eventType,
                investments.select(List.of(inTitle, inText), year));
    }

    /**
     * One amount per value and currency, the first mention winning: a title's {@code 总投资 130 亿元} and the lead's
     * {@code 总投资约 130 亿元} are the same investment and must not be summed twice on a dashboard.
     */
    private static List<Amount> distinct(List<Amount> amounts) {
        Map<String, Amount> byValue = new LinkedHashMap<>();
        for (Amount amount : amounts) {
            byValue.putIfAbsent(key(amount.value(), amount.currency()), amount);
        }
        return new ArrayList<>(byValue.values());
    }

    private static String key(BigDecimal value, String currency) {
        return value.toPlainString() + " " + currency;
    }

    /** The body without the bracketed source attribution that closes it. */
    static String withoutAttribution(String body, String sourceName) {
        if (sourceName == null || sourceName.isEmpty()) {
            return body;
        }
        int index = body.lastIndexOf(sourceName);
        if (index <= 0) {
            return body;
        }
        char opening = body.charAt(index - 1);
        String rest = body.substring(index + sourceName.length()).strip();
        boolean closes = rest.equals(")") || rest.equals("）") || rest.equals(")。") || rest.equals("）。")
                || rest.equals(").") || rest.equals("）.");
        return ((opening == '(' || opening == '（') && closes) ? body.substring(0, index - 1) : body;
    }
}
