package parkworld.pipeline.blob.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.bind.DefaultValue;
import parkworld.pipeline.blob.BlobStoreSettings;

/**
 * The blob store, as a service binds it (nested in its own properties record, e.g. under
 * {@code parkworld.parser.blob-store}). Credentials are not among them: they come from the AWS default provider
 * chain (see blob-store/README.md).
 *
 * @param location where the raw PDFs are: {@code file:/var/lib/parkworld/blobs}, {@code file:data/blobs} (relative to
 *                 the working directory) or {@code s3://BUCKET/PREFIX/}; ingest writes and the parser reads the same
 *                 store
 * @param s3       how to reach S3 when the location is an {@code s3://} URI
 */
public record BlobStoreProperties(@NotNull URI location, @Valid @NotNull @DefaultValue S3 s3) {

    public BlobStoreSettings settings() {
        return new BlobStoreSettings(this.location, this.s3.endpoint(), this.s3.region(), this.s3.pathStyle());
    }

    /**
     * @param endpoint  an S3-compatible server's URL, e.g. {@code http://minio:9000}; unset for AWS S3 itself
     * @param region    the bucket's region
     * @param pathStyle address buckets as {@code ENDPOINT/BUCKET/KEY} (most S3-compatible servers need this)
     */
    public record S3(URI endpoint, @NotBlank @DefaultValue("us-east-1") String region,
            @DefaultValue("false") boolean pathStyle) {
    }
}
