package parkworld.pipeline.blob;

import java.net.URI;

/**
 * A raw document in the blob store.
 *
 * @param uri       where readers find it: {@code file:...} or {@code s3://bucket/key}
 * @param sha256    lowercase hex SHA-256 of its bytes, also its name in the store
 * @param sizeBytes its size
 */
public record StoredBlob(URI uri, String sha256, long sizeBytes) {
}
