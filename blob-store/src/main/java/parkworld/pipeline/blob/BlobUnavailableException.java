package parkworld.pipeline.blob;

import java.io.IOException;

/** A blob URI that does not lead to a stored blob: no retry helps until the store changes. */
public final class BlobUnavailableException extends IOException {

    /** Why the blob cannot be read. */
    public enum Reason {
        /** The URI names a blob of this store, but nothing (readable) is stored there. */
        MISSING,
        /** The URI is not one of this store's blobs: another directory, bucket, prefix or scheme. */
        OUTSIDE_STORE
    }

    private final Reason reason;

    public BlobUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }
}
