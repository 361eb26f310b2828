package parkworld.pipeline.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A blob store in an S3 bucket (AWS or any S3-compatible server): object {@code <prefix><sha256>.pdf} per
 * document. S3 writes an object whole or not at all, so readers never see half a blob. Readers are held to the
 * bucket and prefix: any other {@code s3://} URI is refused.
 */
public final class S3BlobStore implements BlobStore {

    private static final String CREDENTIALS_HINT = "credentials come from the AWS default provider chain: "
            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the aws.accessKeyId / aws.secretAccessKey system "
            + "properties), AWS_PROFILE with ~/.aws/credentials, a web identity token (Kubernetes service account) "
            + "or a container / instance role; never a configuration file of this project";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String endpoint;

    /**
     * @param s3       the client, configured with endpoint, region and credentials; closed by {@link #close()}
     * @param bucket   the bucket, which must exist
     * @param prefix   key prefix of every blob: empty, or ending in {@code /}
     * @param endpoint how to name the server in error messages
     */
    S3BlobStore(S3Client s3, String bucket, String prefix, String endpoint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.endpoint = endpoint;
    }

    /** Checks that the bucket exists and the credentials are accepted, so a misconfiguration fails at start-up. */
    void verify() throws IOException {
        try {
            this.s3.headBucket(b -> b.bucket(this.bucket));
        }
        catch (SdkException ex) {
            throw translate(ex, "checking bucket '" + this.bucket + "'");
        }
    }

    @Override
    public StoredBlob put(Path file, String sha256, long sizeBytes) throws IOException {
        String key = this.prefix + BlobNames.of(sha256);
        long actualSize = Files.size(file);
        if (actualSize != sizeBytes) {
            throw new IllegalArgumentException(file + " has " + actualSize + " bytes, not the " + sizeBytes + " announced");
        }
        StoredBlob blob = new StoredBlob(uri(key), sha256, sizeBytes);
        try {
            HeadObjectResponse existing = this.s3.headObject(h -> h.bucket(this.bucket).key(key));
            if (existing.contentLength() != null && existing.contentLength() == sizeBytes) {
                return blob;
            }
        }
        catch (NoSuchKeyException ex) {
            // not stored yet
        }
        catch (S3Exception ex) {
            if (ex.statusCode() != 404) {
                throw translate(ex, "looking up " + blob.uri());
            }
        }
        catch (SdkException ex) {
            throw translate(ex, "looking up " + blob.uri());
        }
        try {
            this.s3.putObject(p -> p.bucket(this.bucket).key(key).contentType("application/pdf")
                .contentLength(sizeBytes).metadata(Map.of("sha256", sha256)), RequestBody.fromFile(file));
        }
        catch (SdkException ex) {
            throw translate(ex, "storing " + blob.uri());
        }
        return blob;
    }

    @Override
    public InputStream open(URI blob) throws IOException {
        String key = keyOf(blob);
        try {
            return this.s3.getObject(g -> g.bucket(this.bucket).key(key));
        }
        catch (NoSuchKeyException ex) {
            throw missing(blob);
        }
        catch (SdkException ex) {
            throw translate(ex, "reading " + blob);
        }
    }

    @Override
    public StoredBlob stat(URI blob) throws IOException {
        String key = keyOf(blob);
        if (!Sha256.isBlobName(key.substring(key.lastIndexOf('/') + 1))) {
            throw missing(blob);
        }
        HeadObjectResponse head;
        try {
            head = this.s3.headObject(h -> h.bucket(this.bucket).key(key));
        }
        catch (NoSuchKeyException ex) {
            throw missing(blob);
        }
        catch (S3Exception ex) {
            // A HEAD answer has no body, so a 404 may come without the NoSuchKey code.
            if (ex.statusCode() == 404) {
                throw missing(blob);
            }
            throw translate(ex, "looking up " + blob);
        }
        catch (SdkException ex) {
            throw translate(ex, "looking up " + blob);
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        String sha256 = head.metadata() == null ? null : head.metadata().get("sha256");
        return new StoredBlob(uri(key), sha256 != null ? sha256 : BlobNames.sha256(name),
                head.contentLength() == null ? -1 : head.contentLength());
    }

    @Override
    public List<StoredBlob> list() throws IOException {
        List<StoredBlob> blobs = new ArrayList<>();
        try {
            for (S3Object object : this.s3.listObjectsV2Paginator(l -> l.bucket(this.bucket).prefix(this.prefix))
                .contents()) {
                String name = object.key().substring(this.prefix.length());
                if (Sha256.isBlobName(name)) {
                    blobs.add(new StoredBlob(uri(object.key()), BlobNames.sha256(name), object.size()));
                }
            }
        }
        catch (SdkException ex) {
            throw translate(ex, "listing " + location());
        }
        return blobs;
    }

    @Override
    public URI location() {
        return uri(this.prefix);
    }

    @Override
    public void close() {
        this.s3.close();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + location() + " at " + this.endpoint + "]";
    }

    private URI uri(String key) {
        return URI.create("s3://" + this.bucket + "/" + key);
    }

    private BlobUnavailableException missing(URI blob) {
        return new BlobUnavailableException(BlobUnavailableException.Reason.MISSING,
                "blob " + blob + " is not stored in the blob store " + location());
    }

    /** The key a URI names, refused unless it is in this store's bucket under its prefix. */
    private String keyOf(URI blob) throws BlobUnavailableException {
        if (blob == null || !"s3".equalsIgnoreCase(blob.getScheme()) || blob.getRawPath() == null) {
            throw new BlobUnavailableException(BlobUnavailableException.Reason.OUTSIDE_STORE,
                    "blob " + blob + " is not an s3:// URI, so not in the blob store " + location());
        }
        String key = blob.getPath().startsWith("/") ? blob.getPath().substring(1) : blob.getPath();
        if (!this.bucket.equals(blob.getHost()) || !key.startsWith(this.prefix) || key.length() == this.prefix.length()
                || List.of(key.split("/")).contains("..")) {
            throw new BlobUnavailableException(BlobUnavailableException.Reason.OUTSIDE_STORE,
                    "blob " + blob + " is outside the blob store " + location());
        }
        return key;
    }

    /** An S3 failure as an IOException that says what to change. */
    private IOException translate(SdkException ex, String doing) {
        String where = " (" + doing + " at " + this.endpoint + ")";
        if (ex instanceof NoSuchBucketException || ex instanceof S3Exception s3 && s3.statusCode() == 404
                && doing.startsWith("checking bucket")) {
            return new IOException("S3 bucket '" + this.bucket + "' does not exist" + where
                    + ": create it, or correct the blob store location s3://BUCKET/PREFIX", ex);
        }
        if (ex instanceof S3Exception s3 && (s3.statusCode() == 403 || s3.statusCode() == 401)) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return new IOException("S3 refused access (" + s3.statusCode() + (code == null ? "" : " " + code) + ")"
                    + where + ": check the credentials and their permissions on bucket '" + this.bucket + "'; "
                    + CREDENTIALS_HINT, ex);
        }
        if (ex instanceof SdkClientException && String.valueOf(ex.getMessage()).contains("credentials")) {
            return new IOException("No S3 credentials found" + where + ": " + CREDENTIALS_HINT, ex);
        }
        if (ex instanceof SdkClientException) {
            return new IOException("Cannot reach S3" + where + ": " + ex.getMessage(), ex);
        }
        return new IOException("S3 failed" + where + ": " + ex.getMessage(), ex);
    }
}
