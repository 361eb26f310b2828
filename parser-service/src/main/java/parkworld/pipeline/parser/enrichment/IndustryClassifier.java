package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import parkworld.pipeline.parser.enrichment.IndustryTaxonomy.Category;

/**
 * Assigns industry slugs from the {@link IndustryTaxonomy} by keyword: a category counts when one of its keywords is
 * in the title (the editor's own summary), or when its keywords occur at least twice in lead and body together (a
 * single passing mention, such as one entry in a list of sectors, is not enough). Title categories come first,
 * then body categories, each in order of first mention.
 */
final class IndustryClassifier {

    private static final int BODY_HITS = 2;

    private final TermScanner<Category> scanner;

    IndustryClassifier(IndustryTaxonomy taxonomy) {
        this.scanner = new TermScanner<>(taxonomy.keywords());
    }

    List<String> classify(String title, String leadAndBody) {
        Set<String> slugs = new LinkedHashSet<>();
        for (Category category : mentions(title)) {
            slugs.add(category.slug());
        }
        Map<Category, Integer> counts = new LinkedHashMap<>();
        for (Category category : mentions(leadAndBody)) {
            counts.merge(category, 1, Integer::sum);
        }
        counts.forEach((category, count) -> {
            if (count >= BODY_HITS) {
                slugs.add(category.slug());
            }
        });
        return new ArrayList<>(slugs);
    }

    private List<Category> mentions(String text) {
        List<Category> mentions = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return mentions;
        }
        for (TermScanner.Hit<Category> hit : scanner.scan(text)) {
            if (hit.value() != Category.MASK) {
                mentions.add(hit.value());
            }
        }
        return mentions;
    }
}
