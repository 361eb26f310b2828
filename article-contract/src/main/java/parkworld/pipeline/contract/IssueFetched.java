package parkworld.pipeline.contract;

import java.time.Instant;

/**
 * A raw issue PDF was fetched and stored; published on {@link Topics#ISSUES_FETCHED} with key {@link #issueKey()}.
 *
 * @param schemaVersion the version of this event's schema, {@link #SCHEMA_VERSION}
 * @param issueKey      stable key of the issue document: the lowercase file name of the PDF without extension
 * @param blobUri       where the stored raw PDF can be read (a {@code file:} URI for the local blob store)
 * @param sourceUrl     where the PDF was found (an {@code http(s):} or {@code file:} URI)
 * @param sha256        SHA-256 of the PDF bytes, lowercase hex
 * @param sizeBytes     size of the PDF in bytes
 * @param fetchedAt     when it was fetched
 */
public record IssueFetched(int schemaVersion, String issueKey, String blobUri, String sourceUrl, String sha256,
        long sizeBytes, Instant fetchedAt) {

    public static final int SCHEMA_VERSION = 1;
}
