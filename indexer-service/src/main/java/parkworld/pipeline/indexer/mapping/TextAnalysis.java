package parkworld.pipeline.indexer.mapping;

import java.util.Locale;

/**
 * How the article text fields are analysed: a profile under {@code elasticsearch/analysis/} supplying the index
 * settings its analyzers need and the analyzer names the mapping's {@code article_text} (index time) and
 * {@code article_text_search} (search time) stand for. Changing it on an existing index is a new mapping: a new
 * index name and a reindex.
 */
public enum TextAnalysis {

    /** Every substring of up to 8 characters indexed, queries split on whitespace; needs no plugin. */
    SUBSTRINGS,
    /** The analysis-smartcn plugin's word segmentation. */
    SMARTCN,
    /** The IK plugin's segmentation, {@code ik_max_word} at index time and {@code ik_smart} at search time. */
    IK;

    /** @return the class path resource of the profile */
    String resource() {
        return "elasticsearch/analysis/" + name().toLowerCase(Locale.ROOT) + ".json";
    }
}
