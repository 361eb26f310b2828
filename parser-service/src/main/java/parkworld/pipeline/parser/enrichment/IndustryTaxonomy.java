package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The industry categories of {@code enrichment/industries.tsv}: a stable slug, a Chinese label and the keywords
 * that indicate the category, plus masks (words containing a keyword that do not mean the industry).
 */
final class IndustryTaxonomy {

    static final String RESOURCE = "/enrichment/industries.tsv";

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    /** One category; {@link #MASK} stands for the masks. */
    record Category(String slug, String label, List<String> keywords) {

        static final Category MASK = new Category("-", "mask", List.of());

        /**
         * The slug's hash, which agrees with the record's equality (equal categories have equal slugs): the record's
         * own hash combines the keyword list too, and the classifier counts categories in a map once per mention.
         */
        @Override
        public int hashCode() {
            return slug.hashCode();
        }
    }

    private final List<Category> categories;

    private final Map<String, Category> keywords;

    private IndustryTaxonomy(List<Category> categories, Map<String, Category> keywords) {
        this.categories = List.copyOf(categories);
        this.keywords = Map.copyOf(keywords);
    }

    static IndustryTaxonomy load() {
        List<Category> categories = new ArrayList<>();
        Map<String, Category> keywords = new LinkedHashMap<>();
        Set<String> slugs = new HashSet<>();
        for (TsvResource.Row row : TsvResource.read(RESOURCE, 3, 3)) {
            String slug = row.cell(0);
            List<String> words = List.of(row.cell(2).split(","));
            Category category;
            if ("-".equals(slug)) {
                category = Category.MASK;
            }
            else {
                if (!SLUG.matcher(slug).matches() || !slugs.add(slug)) {
                    throw row.error("slug '" + slug + "' is malformed or duplicate");
                }
                category = new Category(slug, row.cell(1), words);
                categories.add(category);
            }
            for (String word : words) {
                if (word.isBlank()) {
                    throw row.error("empty keyword");
                }
                Category previous = keywords.putIfAbsent(word, category);
                if (previous != null) {
                    throw row.error("keyword '" + word + "' already belongs to " + previous.slug());
                }
            }
        }
        return new IndustryTaxonomy(categories, keywords);
    }

    List<Category> categories() {
        return categories;
    }

    /** Keyword (or mask) to its category, for the {@link TermScanner}. */
    Map<String, Category> keywords() {
        return keywords;
    }
}
