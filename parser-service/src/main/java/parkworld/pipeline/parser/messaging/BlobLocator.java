package parkworld.pipeline.parser.messaging;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import parkworld.pipeline.contract.DeadLetterReason;

/**
 * Finds the stored PDF an {@code IssueFetched} points at. The URI comes from a Kafka topic, so when a blob store
 * directory is configured, only files inside it are opened: a forged event cannot make the parser read, and echo
 * into its dead letters, an arbitrary file of the host.
 */
final class BlobLocator {

    private final Path store;

    /** @param store the blob store directory, or null to accept any readable {@code file:} URI */
    BlobLocator(Path store) {
        this.store = store == null ? null : store.toAbsolutePath().normalize();
    }

    /**
     * @return the readable file
     * @throws BlobUnavailable with the reason code when the URI does not lead to a readable stored PDF
     */
    Path locate(String blobUri) throws BlobUnavailable {
        Path path;
        try {
            URI uri = URI.create(blobUri);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                throw new BlobUnavailable(DeadLetterReason.BLOB_MISSING, "stored PDF " + blobUri + " is not a file: URI");
            }
            path = Path.of(uri).toAbsolutePath().normalize();
        }
        catch (IllegalArgumentException ex) {
            throw new BlobUnavailable(DeadLetterReason.BLOB_MISSING, "stored PDF URI " + blobUri + " is invalid");
        }
        if (this.store != null && !insideStore(path)) {
            throw new BlobUnavailable(DeadLetterReason.BLOB_OUTSIDE_STORE,
                    "stored PDF " + blobUri + " is outside parkworld.parser.blob-store-directory " + this.store);
        }
        if (!Files.isReadable(path)) {
            throw new BlobUnavailable(DeadLetterReason.BLOB_MISSING, "stored PDF " + blobUri + " is not readable here");
        }
        return path;
    }

    private boolean insideStore(Path path) {
        try {
            // Real paths, so a symbolic link inside the store cannot lead outside it.
            Path real = Files.exists(path) ? path.toRealPath() : path;
            Path realStore = Files.exists(this.store) ? this.store.toRealPath() : this.store;
            return real.startsWith(realStore);
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Why a blob cannot be read, with its dead-letter reason. */
    static final class BlobUnavailable extends Exception {

        private final DeadLetterReason reason;

        BlobUnavailable(DeadLetterReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        DeadLetterReason reason() {
            return this.reason;
        }
    }
}
