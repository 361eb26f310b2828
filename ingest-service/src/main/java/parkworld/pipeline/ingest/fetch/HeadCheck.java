package parkworld.pipeline.ingest.fetch;

import java.net.URI;

/**
 * Looks at the first bytes of a body while it downloads ({@link #HEAD_BYTES}, or all of a shorter body), so a body
 * that is plainly not what was expected (an HTML page served as {@code .pdf}) is aborted before the rest arrives.
 */
@FunctionalInterface
public interface HeadCheck {

    /** How many bytes the check sees, at most. */
    int HEAD_BYTES = 1024;

    /** Accepts every body. */
    HeadCheck NONE = (uri, head, length) -> { };

    /**
     * @param head   the first bytes; only {@code length} of them are valid
     * @param length how many: {@link #HEAD_BYTES}, fewer only when the body is that short
     * @throws FetchException to refuse the body; the download is aborted and nothing is kept
     */
    void check(URI uri, byte[] head, int length) throws FetchException;
}
