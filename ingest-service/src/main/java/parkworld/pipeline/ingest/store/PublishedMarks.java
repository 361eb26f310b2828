package parkworld.pipeline.ingest.store;

import java.io.IOException;

/**
 * Which documents were announced, by the SHA-256 of their bytes, so an unchanged issue is never announced again.
 * Not part of the blob store: a blob is stored before it is announced, and marked only once the broker acknowledged
 * the announcement.
 */
public interface PublishedMarks {

    boolean isPublished(String sha256) throws IOException;

    void markPublished(String sha256) throws IOException;
}
