package parkworld.pipeline.parser.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the structure step counted while it read an issue, for its quality figures.
 *
 * @param tocEntries articles listed in the table of contents (0 when none was found)
 * @param tocEntriesMatched listed articles matched (fuzzily) to an article found
 * @param tocArticlesPerSection articles per section as the table of contents lists them
 * @param pagesWithUnassignedText physical numbers of the pages with text that went into no article, heading, cover
 *        or table of contents, in order
 * @param articlesWithoutText titles with no text after them, not published as articles
 */
record StructureFigures(int tocEntries, int tocEntriesMatched, Map<String, Integer> tocArticlesPerSection,
        List<Integer> pagesWithUnassignedText, int articlesWithoutText) {

    StructureFigures {
        tocArticlesPerSection = Collections.unmodifiableMap(new LinkedHashMap<>(tocArticlesPerSection));
        pagesWithUnassignedText = List.copyOf(pagesWithUnassignedText);
    }
}
