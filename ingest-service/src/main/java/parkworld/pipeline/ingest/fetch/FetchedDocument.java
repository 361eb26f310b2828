package parkworld.pipeline.ingest.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document downloaded whole into a temporary file, hashed while it arrived. Closing it deletes the file unless it
 * was moved away (into the blob store) first.
 *
 * @param file         the temporary file, complete: never half a download
 * @param sha256       lowercase hex SHA-256 of its bytes
 * @param sizeBytes    its size
 * @param etag         the server's {@code ETag}, or null; send it back in {@link Validators} on the next run
 * @param lastModified the server's {@code Last-Modified}, or null
 */
public record FetchedDocument(Path file, String sha256, long sizeBytes, String etag, String lastModified)
        implements AutoCloseable {

    /** The validators to send when asking for this document again. */
    public Validators validators() {
        return new Validators(this.etag, this.lastModified);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(this.file);
        }
        catch (IOException ex) {
            // A temporary file in the download directory; nothing else refers to it.
            org.slf4j.LoggerFactory.getLogger(FetchedDocument.class).warn("Could not delete {}: {}", this.file, ex.toString());
        }
    }
}
