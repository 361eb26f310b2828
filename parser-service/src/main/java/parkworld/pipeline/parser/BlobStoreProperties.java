package parkworld.pipeline.parser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import parkworld.pipeline.blob.BlobStoreSettings;
import parkworld.pipeline.blob.config.S3Properties;

/**
 * The blob store the ingest-service writes raw PDFs to, which the parser reads them from (see blob-store/README.md).
 * Required: an {@code IssueFetched} names its PDF by URI, and the URI comes from a Kafka topic, so only PDFs inside
 * this store are read ({@code BLOB_OUTSIDE_STORE} otherwise) and there is no default that would read any file.
 *
 * @param location the same store as the ingest-service's {@code parkworld.ingest.blob-store.location}:
 *                 {@code file:/var/lib/parkworld/blobs} (a volume mounted at the same path in both services) or
 *                 {@code s3://BUCKET/PREFIX/}
 * @param s3       how to reach S3 for an {@code s3://} location; credentials come from the environment
 */
@Validated
@ConfigurationProperties("parkworld.parser.blob-store")
public record BlobStoreProperties(
        @NotNull(message = "is required: set parkworld.parser.blob-store.location to the blob store the "
                + "ingest-service writes to (file:/PATH or s3://BUCKET/PREFIX/)") URI location,
        @Valid @NotNull @DefaultValue S3Properties s3) {

    public BlobStoreSettings settings() {
        return this.s3.settings(this.location);
    }
}
