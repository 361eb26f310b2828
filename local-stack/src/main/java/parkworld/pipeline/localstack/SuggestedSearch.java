package parkworld.pipeline.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search the run command suggests once the articles are indexed: a URI search of one bare word, {@code q=储能}.
 * Without a field name Elasticsearch searches the index's {@code index.query.default_field} (title, lead, body and
 * section, set in the indexer's mapping), with the text analysis that matches a word where it is written, so this
 * finds the one fixture article about 储能 and not those that merely share a character (智能, 光能, 性能). The
 * indexer's {@code SearchQualityIT} runs this very search, built here, for every word of its table.
 */
public final class SuggestedSearch {

    /** The word the run command suggests. */
    public static final String WORD = "储能";

    /** The fields the suggested search shows of each hit. */
    public static final String SHOWN_FIELDS = "title,section,page,issue.serial,issue.date";

    private SuggestedSearch() {
    }

    /**
     * @param word what to search for
     * @return the URI search's query parameters, unencoded
     */
    public static Map<String, String> parameters(String word) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", word);
        parameters.put("_source", SHOWN_FIELDS);
        return parameters;
    }

    /**
     * @param elasticsearchUrl the cluster
     * @param alias            the alias readers use
     * @return a curl command line a user can paste
     */
    static String curl(String elasticsearchUrl, String alias) {
        StringBuilder command = new StringBuilder("curl -s -G '" + elasticsearchUrl + "/" + alias + "/_search?pretty'");
        parameters(WORD).forEach((name, value) -> command.append(" --data-urlencode '").append(name).append('=')
            .append(value).append('\''));
        return command.toString();
    }
}
