package parkworld.pipeline.ingest.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps raw issue PDFs, addressed by content so storing the same bytes twice is a no-op, and remembers which of them
 * were announced, so an unchanged issue is never announced again.
 */
public interface BlobStore {

    StoredBlob put(byte[] content) throws IOException;

    /**
     * Stores a complete file, moving it into the store when it can (else copying it), so a download is never held in
     * memory.
     *
     * @param file      the file; gone after a move, left in place after a copy
     * @param sha256    its lowercase hex SHA-256, computed while it was written
     * @param sizeBytes its size
     */
    StoredBlob put(Path file, String sha256, long sizeBytes) throws IOException;

    boolean isPublished(String sha256) throws IOException;

    void markPublished(String sha256) throws IOException;
}
