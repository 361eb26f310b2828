package parkworld.pipeline.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import parkworld.pipeline.blob.BlobStoreSettings;
import parkworld.pipeline.blob.config.S3Properties;

/**
 * Where raw PDFs are kept (see blob-store/README.md).
 *
 * @param location the blob store: {@code file:PATH} (relative to the working directory, or absolute) or
 *                 {@code s3://BUCKET/PREFIX/}; the parser-service reads the PDFs from the same store (its
 *                 {@code parkworld.parser.blob-store.location}), so a directory is a volume both services mount
 * @param s3       how to reach S3 for an {@code s3://} location; credentials come from the environment
 */
@Validated
@ConfigurationProperties("parkworld.ingest.blob-store")
public record BlobStoreProperties(@NotNull @DefaultValue("file:data/blobs") URI location,
        @Valid @NotNull @DefaultValue S3Properties s3) {

    public BlobStoreSettings settings() {
        return this.s3.settings(this.location);
    }
}
