package parkworld.pipeline.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The compatibility samples test-support ships under {@code contract-samples/}, as bytes on the wire. */
public final class ContractSamples {

    /** An {@code ArticleExtracted} as version 0.1.0 of the parser published it. */
    public static final String ARTICLE_PREVIOUS = "article-extracted.v1.previous.json";

    /** An {@code ArticleExtracted} of a newer minor version: unknown fields at the top level and nested. */
    public static final String ARTICLE_NEWER = "article-extracted.v1.newer.json";

    /** The article id both article samples carry. */
    public static final String SAMPLE_ARTICLE_ID = "121-449319b7d5d3";

    private ContractSamples() {
    }

    public static byte[] bytes(String sample) {
        try (InputStream in = ContractSamples.class.getClassLoader().getResourceAsStream("contract-samples/" + sample)) {
            if (in == null) {
                throw new IllegalStateException("contract-samples/" + sample + " is not on the class path");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
