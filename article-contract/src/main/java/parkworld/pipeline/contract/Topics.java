package parkworld.pipeline.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Default topic names, read from {@code parkworld-topics.properties}, the one place they are defined. Services bind
 * to the properties themselves so operators can override them; this class serves code without Spring.
 */
public final class Topics {

    /** Where the topic names live on the class path. */
    public static final String RESOURCE = "parkworld-topics.properties";

    private static final Properties DEFAULTS = load();

    /** {@link IssueFetched} events, keyed by issue key. */
    public static final String ISSUES_FETCHED = name("issues-fetched");

    /** {@link ArticleExtracted} events, keyed by article id. */
    public static final String ARTICLES = name("articles");

    /** {@link IssueParsed} events, keyed by issue key. */
    public static final String ISSUES_PARSED = name("issues-parsed");

    /** Records the parser could not handle: the original payload with {@link DeadLetterHeaders}. */
    public static final String PARSER_DEAD_LETTER = name("parser-dead-letter");

    /** Records the indexer could not handle: the original payload with {@link DeadLetterHeaders}. */
    public static final String INDEXER_DEAD_LETTER = name("indexer-dead-letter");

    /**
     * ingest-service's durable state, compacted: one record per candidate document, keyed by its URL, and the last
     * runs; see {@code ingest-service/STATE.md}.
     */
    public static final String INGEST_STATE = name("ingest-state");

    private Topics() {
    }

    private static String name(String key) {
        String value = DEFAULTS.getProperty("parkworld.topics." + key);
        if (value == null) {
            throw new IllegalStateException("parkworld.topics." + key + " is missing from " + RESOURCE);
        }
        return value;
    }

    private static Properties load() {
        try (InputStream in = Topics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
