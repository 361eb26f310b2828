package parkworld.pipeline.ingest;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where raw PDFs are kept.
 *
 * @param directory the blob store directory; the parser-service reads the PDFs from here, so in a deployment it is
 *                  a volume both services mount
 */
@Validated
@ConfigurationProperties("parkworld.ingest.blob-store")
public record BlobStoreProperties(@NotNull @DefaultValue("data/blobs") Path directory) {
}
