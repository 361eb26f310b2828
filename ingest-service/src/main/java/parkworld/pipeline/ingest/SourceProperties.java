package parkworld.pipeline.ingest;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where issues come from.
 *
 * @param location an {@code http(s)} URL of a listing page that links to the issue PDFs, or a local folder (or a
 *                 single PDF file, or a {@code file:} URI) for offline backfill
 */
@Validated
@ConfigurationProperties("parkworld.ingest.source")
public record SourceProperties(@NotBlank @DefaultValue("https://www.parkworld.net/") String location) {

    public boolean isWeb() {
        String lower = this.location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    public URI listingPage() {
        return URI.create(this.location);
    }

    public Path folder() {
        return this.location.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(this.location))
                : Path.of(this.location);
    }
}
