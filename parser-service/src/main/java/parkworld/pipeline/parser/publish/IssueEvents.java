package parkworld.pipeline.parser.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.IssueRef;
import parkworld.pipeline.parser.enrichment.ArticleEnricher;
import parkworld.pipeline.parser.enrichment.Enrichment;
import parkworld.pipeline.parser.enrichment.IssueDate;
import parkworld.pipeline.parser.structure.IssueMetadata;
import parkworld.pipeline.parser.structure.ParsedArticle;
import parkworld.pipeline.parser.structure.ParsedIssue;

/**
 * The events one parse of an issue produces: an {@link ArticleExtracted} per article, in issue order, and the
 * {@link IssueParsed} summary that follows them. All carry the same {@code parsedAt}; articles are enriched with
 * dates, amounts, places and industries (see {@code ENRICHMENT.md}).
 *
 * @param articles the article events
 * @param summary  the issue summary
 */
public record IssueEvents(List<ArticleExtracted> articles, IssueParsed summary) {

    /**
     * Warnings listed in a summary; more are counted in {@code warningsOmitted}. Below the schema's
     * {@link IssueParsed#MAX_WARNINGS} so that a large issue the parser reads badly is still published (with a
     * warning of up to 2,000 characters, 1,000 of them would not fit a 1 MB record; 200 do), and enough for an
     * operator to see what went wrong: past the first hundreds, a layout's warnings repeat the same few kinds.
     */
    public static final int MAX_WARNINGS = 200;

    /** Ingest's key for an issue whose listing names its serial ({@code 总153期} gives {@code issue-153}). */
    private static final Pattern ANNOUNCED_SERIAL = Pattern.compile("issue-0*(\\d{1,18})");

    /**
     * Builds the events of a parse.
     *
     * @param fetched       the event that asked for the parse
     * @param issue         what the parser found
     * @param parserVersion the version of the parser, recorded in every article
     * @param parsedAt      when this parse ran
     */
    public static IssueEvents of(IssueFetched fetched, ParsedIssue issue, String parserVersion, Instant parsedAt) {
        IssueMetadata meta = issue.metadata();
        IssueDate issueDate = IssueDate.fromCover(meta.year(), meta.month());
        List<Enrichment> enrichments = new ArrayList<>();
        List<LocalDate> eventDates = new ArrayList<>();
        for (ParsedArticle a : issue.articles()) {
            Enrichment found = Enricher.INSTANCE.enrich(a.title(), a.lead(), a.body(), a.sourceName(), issueDate);
            enrichments.add(found);
            eventDates.addAll(found.eventDates());
        }
        // The listing's publication date is not known here yet (ingest does not pass it): the issue's own dates.
        LocalDate date = issueDate == null ? null : issueDate.timeAxisDate(eventDates);
        IssueRef ref = new IssueRef(meta.serial(), meta.year(), meta.month(), meta.issueInMonth(), meta.title(),
                fetched.sourceUrl(), fetched.sha256(), date);
        ArticleIds ids = new ArticleIds(meta.serial());
        List<ArticleExtracted> articles = new ArrayList<>();
        Map<String, Integer> perSection = new LinkedHashMap<>();
        for (int i = 0; i < issue.articles().size(); i++) {
            ParsedArticle a = issue.articles().get(i);
            Enrichment found = enrichments.get(i);
            articles.add(new ArticleExtracted(ArticleExtracted.SCHEMA_VERSION, ids.next(a.title()), ref, a.ordinal(),
                    a.section(), a.title(), a.lead(), a.body(), a.sourceName(), a.page(), found.eventDates(),
                    found.amounts(), found.places(), found.industries(), parserVersion, parsedAt, found.organizations(),
                    found.eventType(), found.investment()));
            perSection.merge(a.section(), 1, Integer::sum);
        }
        List<String> warnings = new ArrayList<>();
        serialMismatch(fetched.issueKey(), meta.serial()).ifPresent(warnings::add);
        warnings.addAll(issue.warnings());
        List<String> listed = warnings.subList(0, Math.min(MAX_WARNINGS, warnings.size()));
        IssueParsed summary = new IssueParsed(IssueParsed.SCHEMA_VERSION, fetched.issueKey(), ref, parsedAt,
                articles.stream().map(ArticleExtracted::articleId).toList(), perSection, List.copyOf(listed),
                issue.quality(), warnings.size() - listed.size());
        return new IssueEvents(List.copyOf(articles), summary);
    }

    /**
     * A warning when the key ingest announced the PDF under names another serial than its cover prints
     * ({@code issue-126} from a listing's 总126期, the cover 总121期). Article ids come from the printed serial, so such
     * a PDF replaces the articles of the issue it prints, not of the one it was listed as: a wrong link on the site,
     * or a second render of an issue, which only the operator can tell apart. Keys of another form (a file name) say
     * nothing about the serial.
     */
    static Optional<String> serialMismatch(String issueKey, long printedSerial) {
        Matcher key = ANNOUNCED_SERIAL.matcher(issueKey);
        if (!key.matches() || printedSerial <= 0) {
            return Optional.empty();
        }
        // at most 18 digits: always a long
        long announced = Long.parseLong(key.group(1));
        return announced == printedSerial ? Optional.empty()
                : Optional.of("Announced as " + issueKey + " but the cover prints 总" + printedSerial
                        + "期: its articles are published as issue " + printedSerial + "'s");
    }

    /**
     * The events as published when some articles are left out (they broke the contract): the summary lists only
     * the articles kept, counts only them per section, and adds the given warnings to the parser's own.
     *
     * @param kept         the articles to publish, a subset of {@link #articles()} in issue order
     * @param moreWarnings why the others are missing
     */
    public IssueEvents keeping(List<ArticleExtracted> kept, List<String> moreWarnings) {
        Map<String, Integer> perSection = new LinkedHashMap<>();
        kept.forEach(a -> perSection.merge(a.section(), 1, Integer::sum));
        // Articles left out matter most (an analyst misses them): they are listed first in what the bound leaves,
        // then the parser's own warnings in issue order; the rest is counted.
        List<String> own = this.summary.warnings();
        int more = Math.min(MAX_WARNINGS, moreWarnings.size());
        int ownListed = Math.min(own.size(), MAX_WARNINGS - more);
        List<String> warnings = new ArrayList<>(own.subList(0, ownListed));
        warnings.addAll(moreWarnings.subList(0, more));
        int omitted = this.summary.warningsOmitted() + (own.size() - ownListed) + (moreWarnings.size() - more);
        IssueParsed trimmed = new IssueParsed(this.summary.schemaVersion(), this.summary.issueKey(),
                this.summary.issue(), this.summary.parsedAt(), kept.stream().map(ArticleExtracted::articleId).toList(),
                perSection, List.copyOf(warnings), this.summary.quality(), omitted);
        return new IssueEvents(List.copyOf(kept), trimmed);
    }

    // The enricher is immutable and thread-safe, and loading its gazetteer is the costly part: load it once.
    private static final class Enricher {

        static final ArticleEnricher INSTANCE = new ArticleEnricher();
    }
}
