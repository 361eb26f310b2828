package parkworld.pipeline.ingest.store;

import java.io.IOException;

/**
 * Keeps raw issue PDFs, addressed by content so storing the same bytes twice is a no-op, and remembers which of them
 * were announced, so an unchanged issue is never announced again.
 */
public interface BlobStore {

    StoredBlob put(byte[] content) throws IOException;

    boolean isPublished(String sha256) throws IOException;

    void markPublished(String sha256) throws IOException;
}
