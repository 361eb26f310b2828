package parkworld.pipeline.blob.config;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.bind.DefaultValue;
import parkworld.pipeline.blob.BlobStoreSettings;

/**
 * How a service reaches S3 when its blob store location is an {@code s3://BUCKET/PREFIX/} URI; nested in each
 * service's blob store properties ({@code parkworld.ingest.blob-store.s3}, {@code parkworld.parser.blob-store.s3}).
 * Credentials are not among them: they come from the AWS default provider chain (see blob-store/README.md).
 *
 * @param endpoint  an S3-compatible server's URL, e.g. {@code http://minio:9000}; unset for AWS S3 itself
 * @param region    the bucket's region (an S3-compatible server accepts whatever it was set up with)
 * @param pathStyle address buckets as {@code ENDPOINT/BUCKET/KEY} rather than {@code BUCKET.ENDPOINT/KEY}: most
 *                  S3-compatible servers need this
 */
public record S3Properties(URI endpoint, @NotBlank @DefaultValue("us-east-1") String region,
        @DefaultValue("false") boolean pathStyle) {

    /** The settings of the store at {@code location} ({@code file:} or {@code s3:}), reached with these. */
    public BlobStoreSettings settings(URI location) {
        return new BlobStoreSettings(location, this.endpoint, this.region, this.pathStyle);
    }
}
