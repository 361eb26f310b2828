package parkworld.pipeline.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which blob store to use, chosen by the scheme of its location: a directory ({@code file:/var/lib/parkworld/blobs},
 * {@code file:data/blobs} or a plain path) or an S3 bucket with an optional key prefix
 * ({@code s3://parkworld-blobs/issues/}). Credentials are never part of the settings: see {@link #open()}.
 *
 * @param location      where the blobs are
 * @param s3Endpoint    an S3-compatible server's URL (e.g. {@code http://127.0.0.1:9000}); null for AWS itself
 * @param s3Region      the bucket's region (AWS); any value an S3-compatible server accepts otherwise
 * @param s3PathStyle   address the bucket as {@code ENDPOINT/BUCKET/KEY} rather than {@code BUCKET.ENDPOINT/KEY}:
 *                      what most S3-compatible servers need
 */
public record BlobStoreSettings(URI location, URI s3Endpoint, String s3Region, boolean s3PathStyle) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)*");

    public BlobStoreSettings {
        Objects.requireNonNull(location, "the blob store location");
        String scheme = scheme(location);
        if (!scheme.equals("file") && !scheme.equals("s3")) {
            throw new IllegalArgumentException("blob store location " + location
                    + " has scheme '" + scheme + "': use file:PATH (or a plain path) or s3://BUCKET/PREFIX");
        }
        if (scheme.equals("s3")) {
            if (location.getHost() == null || !BUCKET.matcher(location.getHost()).matches()) {
                throw new IllegalArgumentException("blob store location " + location + " names no valid bucket: "
                        + "use s3://BUCKET/PREFIX (bucket: 3-63 lowercase letters, digits, dots, hyphens)");
            }
            if (!PREFIX.matcher(s3Prefix(location)).matches()) {
                throw new IllegalArgumentException("blob store location " + location + ": the key prefix may hold "
                        + "letters, digits, '.', '_', '-' and '/' between names");
            }
        }
    }

    /** A local directory store. */
    public static BlobStoreSettings directory(Path directory) {
        return new BlobStoreSettings(directory.toAbsolutePath().normalize().toUri(), null, null, false);
    }

    /** {@code s3} for an S3 store, {@code file} for a directory. */
    public String scheme() {
        return scheme(this.location);
    }

    /**
     * Opens the store: creates the directory, or connects to S3 with credentials from the AWS default provider
     * chain (environment, system properties, profile, web identity, container or instance role) and checks that the
     * bucket exists and the credentials are accepted.
     *
     * @throws IOException saying what to change when the directory cannot be created or S3 refuses
     */
    public BlobStore open() throws IOException {
        return open(DefaultCredentialsProvider.builder().build());
    }

    /** {@link #open()} with the given credentials (S3 only; a directory store needs none). */
    public BlobStore open(AwsCredentialsProvider credentials) throws IOException {
        if (scheme().equals("file")) {
            return new LocalDirectoryBlobStore(directoryPath());
        }
        var client = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(this.s3Region == null || this.s3Region.isBlank() ? "us-east-1" : this.s3Region))
            .credentialsProvider(credentials)
            .forcePathStyle(this.s3PathStyle);
        if (this.s3Endpoint != null) {
            client.endpointOverride(this.s3Endpoint);
        }
        S3BlobStore store = new S3BlobStore(client.build(), this.location.getHost(), s3Prefix(this.location),
                this.s3Endpoint == null ? "AWS S3 " + this.s3Region : this.s3Endpoint.toString());
        try {
            store.verify();
        }
        catch (IOException | RuntimeException ex) {
            store.close();
            throw ex;
        }
        return store;
    }

    /** The directory of a {@code file} store; relative locations ({@code file:data/blobs}) from the working directory. */
    Path directoryPath() {
        if (this.location.getScheme() == null) {
            return Path.of(this.location.getPath());
        }
        if (this.location.isOpaque()) {
            return Path.of(this.location.getSchemeSpecificPart());
        }
        return Path.of(this.location);
    }

    private static String scheme(URI location) {
        return location.getScheme() == null ? "file" : location.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String s3Prefix(URI location) {
        String path = location.getPath() == null ? "" : location.getPath();
        String prefix = path.startsWith("/") ? path.substring(1) : path;
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
