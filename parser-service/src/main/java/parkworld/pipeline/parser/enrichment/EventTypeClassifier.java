package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.List;

import parkworld.pipeline.contract.ArticleExtracted;

/**
 * What happened, by keyword rules of {@code enrichment/event-types.tsv}: the first rule, in the file's order, whose
 * keyword (and, for policy, a context word such as {@code 《}) is in the title; else the same on the lead; else
 * {@code other}. The title is the editor's one-line summary of the event, so it decides; the lead only helps a title
 * that names no event ({@code 中景石化投资180亿元在福建打造碳四新材料产业链}, lead {@code …签约仪式在福州举行}).
 */
final class EventTypeClassifier {

    static final String RESOURCE = "/enrichment/event-types.tsv";

    static final String OTHER = "other";

    private record Rule(String type, List<String> keywords, List<String> context) {

        boolean matches(String text) {
            return this.keywords.stream().anyMatch(text::contains)
                    && (this.context.isEmpty() || this.context.stream().anyMatch(text::contains));
        }
    }

    private final List<Rule> rules;

    private EventTypeClassifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static EventTypeClassifier load() {
        List<Rule> rules = new ArrayList<>();
        for (TsvResource.Row row : TsvResource.read(RESOURCE, 3, 3)) {
            String type = row.cell(0);
            if (!ArticleExtracted.EVENT_TYPES.contains(type) || OTHER.equals(type)) {
                throw row.error("type '" + type + "' is not one of " + ArticleExtracted.EVENT_TYPES + " but other");
            }
            if (rules.stream().anyMatch(r -> r.type().equals(type))) {
                throw row.error("duplicate type '" + type + "'");
            }
            List<String> context = "-".equals(row.cell(2)) ? List.of() : List.of(row.cell(2).split(","));
            List<String> keywords = List.of(row.cell(1).split(","));
            if (keywords.stream().anyMatch(String::isBlank) || context.stream().anyMatch(String::isBlank)) {
                throw row.error("empty keyword");
            }
            rules.add(new Rule(type, keywords, context));
        }
        return new EventTypeClassifier(rules);
    }

    /** One of {@link ArticleExtracted#EVENT_TYPES}, never null. */
    String classify(String title, String lead) {
        for (String text : new String[] { title, lead }) {
            for (Rule rule : this.rules) {
                if (rule.matches(text)) {
                    return rule.type();
                }
            }
        }
        return OTHER;
    }
}
