package parkworld.pipeline.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps raw issue PDFs, addressed by content: a blob's name is the SHA-256 of its bytes, so storing the same bytes
 * twice is a no-op. The ingest-service writes, the parser-service reads; which implementation is used follows from
 * the store's location URI ({@code file:} or {@code s3:}, see {@link BlobStoreSettings}).
 *
 * <p>Readers get URIs from Kafka events, which anyone who can write to the topic can forge: {@link #open(URI)}
 * refuses a URI outside this store ({@link BlobUnavailableException.Reason#OUTSIDE_STORE}).
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Stores a file's bytes under their SHA-256; the file stays the caller's (it is copied, never moved or deleted).
     * Idempotent: when a blob of that name and size is already stored nothing is written.
     *
     * @param file      the complete document
     * @param sha256    lowercase hex SHA-256 of the file's bytes, computed by the caller while it wrote them
     * @param sizeBytes the file's size
     * @return where readers find it
     */
    StoredBlob put(Path file, String sha256, long sizeBytes) throws IOException;

    /** Stores bytes held in memory: {@link #put(Path, String, long)} through a temporary file. */
    default StoredBlob put(byte[] content) throws IOException {
        Path temp = Files.createTempFile("parkworld-blob-", ".part");
        try {
            Files.write(temp, content);
            return put(temp, Sha256.hex(content), content.length);
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * @return the stored blob's bytes; the caller closes the stream
     * @throws BlobUnavailableException {@code OUTSIDE_STORE} for a URI that does not name a blob of this store,
     *                                  {@code MISSING} when it does but nothing is stored there
     * @throws IOException              when the store itself cannot be reached (worth retrying)
     */
    InputStream open(URI blob) throws IOException;

    /**
     * The stored blob as a local file, for readers that need random access (a PDF parser). A local directory store
     * hands out its own file (closing does nothing); others copy the blob to a temporary file, deleted on close.
     *
     * @throws BlobUnavailableException as {@link #open(URI)}
     */
    default BlobFile file(URI blob) throws IOException {
        Path temp = Files.createTempFile("parkworld-blob-", ".pdf");
        try (InputStream in = open(blob)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return new BlobFile(temp, true);
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(temp);
            throw ex;
        }
    }

    /**
     * What is stored at {@code blob}, without reading its bytes (a file's size, an S3 {@code HeadObject}): so a
     * replay checks a blob is still there, whole, before it announces it. The SHA-256 is the one the blob is named
     * by (S3: the {@code sha256} metadata written with it, when present); the bytes are not hashed again.
     *
     * @throws BlobUnavailableException as {@link #open(URI)}
     * @throws IOException              when the store itself cannot be reached (worth retrying)
     */
    StoredBlob stat(URI blob) throws IOException;

    /** Every stored blob, in no particular order (for a replay of the archive). */
    List<StoredBlob> list() throws IOException;

    /** Where this store is, e.g. {@code file:/var/lib/parkworld/blobs/} or {@code s3://bucket/prefix/}. */
    URI location();

    /** Releases the store's connections, if it has any. */
    @Override
    default void close() {
    }
}
