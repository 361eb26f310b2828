package parkworld.pipeline.parser.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.publish.IssueEvents;

/**
 * The producer's side of the contract: every event is serialised and checked against its JSON Schema before
 * anything of the issue is sent. An article that breaks it is a parser defect on this layout: it is left out, and
 * the summary says so in a warning (ordinal, title, violations), unless so many are that the issue would be
 * published half-empty, then the issue is rejected as {@code INVALID_OUTPUT}. A summary that breaks its schema, or
 * any record larger than the producer may send, rejects the issue too ({@code INVALID_OUTPUT},
 * {@code EVENT_TOO_LARGE}): nothing is half-published.
 */
final class OutputCheck {

    private static final Logger log = LoggerFactory.getLogger(OutputCheck.class);

    /** Bounds of a warning, far below the schema's 2000 characters per warning. */
    private static final int MAX_TITLE = 80;
    private static final int MAX_VIOLATIONS = 3;
    private static final int MAX_VIOLATION = 200;

    private final OutputRules rules;
    private final String source;

    /**
     * @param rules  the share of invalid articles tolerated and the record size limit
     * @param source the {@code ce_source} of every record, e.g. {@code /parkworld/parser-service}
     */
    OutputCheck(OutputRules rules, String source) {
        this.rules = rules;
        this.source = source;
    }

    IssueOutcome check(IssueEvents events) {
        String issueKey = events.summary().issueKey();
        List<ArticleExtracted> kept = new ArrayList<>();
        List<OutgoingRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> invalidSummaries = new ArrayList<>();
        for (ArticleExtracted article : events.articles()) {
            byte[] json = EventJson.write(article);
            List<String> violations = EventType.ARTICLE_EXTRACTED.violations(json);
            if (violations.isEmpty()) {
                kept.add(article);
                records.add(articleRecord(article, json));
                continue;
            }
            String bounded = bounded(violations);
            log.warn("Article {} ({}) of issue {} breaks the ArticleExtracted schema and is not published: {}",
                    article.ordinal(), article.articleId(), issueKey, bounded);
            warnings.add("Article " + article.ordinal() + " \"" + truncate(article.title(), MAX_TITLE)
                    + "\" not published: it breaks the ArticleExtracted schema: " + bounded);
            invalidSummaries.add("article " + article.ordinal() + ": " + bounded);
        }
        int total = events.articles().size();
        int invalid = total - kept.size();
        if (total > 0 && (double) invalid / total > this.rules.maxInvalidShare()) {
            return new IssueOutcome.Rejected(DeadLetterReason.INVALID_OUTPUT, invalid + " of " + total
                    + " articles break the ArticleExtracted schema, more than parkworld.parser.output.max-invalid-share ("
                    + String.format(Locale.ROOT, "%.2f", this.rules.maxInvalidShare()) + "): "
                    + String.join("; ", invalidSummaries.subList(0, Math.min(MAX_VIOLATIONS, invalidSummaries.size())))
                    + (invalidSummaries.size() > MAX_VIOLATIONS ? "; …" : ""), null, invalid);
        }
        IssueEvents published = events.keeping(kept, warnings);
        IssueParsed summary = published.summary();
        byte[] summaryJson = EventJson.write(summary);
        List<String> summaryViolations = EventType.ISSUE_PARSED.violations(summaryJson);
        if (!summaryViolations.isEmpty()) {
            return new IssueOutcome.Rejected(DeadLetterReason.INVALID_OUTPUT,
                    "the IssueParsed summary breaks its schema: " + bounded(summaryViolations), null, invalid);
        }
        OutgoingRecord summaryRecord = new OutgoingRecord(EventType.ISSUE_PARSED, summary.issueKey(), summaryJson,
                CloudEventHeaders.of(EventType.ISSUE_PARSED, this.source, summary.issueKey(), summary.parsedAt()));
        List<OutgoingRecord> all = new ArrayList<>(records);
        all.add(summaryRecord);
        for (OutgoingRecord record : all) {
            long size = record.serializedSize();
            if (size > this.rules.maxRecordBytes()) {
                return new IssueOutcome.Rejected(DeadLetterReason.EVENT_TOO_LARGE, "the "
                        + record.type().recordType().getSimpleName() + " event " + record.key() + " is " + size
                        + " bytes with key and headers, more than parkworld.parser.output.max-record-size ("
                        + this.rules.maxRecordBytes() + " bytes)", null, invalid);
            }
        }
        return new IssueOutcome.Publishable(new IssueOutput(published, records, summaryRecord, invalid));
    }

    private OutgoingRecord articleRecord(ArticleExtracted article, byte[] json) {
        var headers = CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED, this.source, article.articleId(),
                article.parsedAt());
        headers.put(CloudEventHeaders.SECTION, article.section());
        return new OutgoingRecord(EventType.ARTICLE_EXTRACTED, article.articleId(), json, headers);
    }

    private static String bounded(List<String> violations) {
        List<String> shown = violations.stream().limit(MAX_VIOLATIONS).map(v -> truncate(v, MAX_VIOLATION)).toList();
        String more = violations.size() > MAX_VIOLATIONS ? " (+" + (violations.size() - MAX_VIOLATIONS) + " more)" : "";
        return String.join("; ", shown) + more;
    }

    private static String truncate(String text, int max) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
