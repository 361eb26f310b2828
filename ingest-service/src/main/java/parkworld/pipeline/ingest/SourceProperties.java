package parkworld.pipeline.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where issues come from.
 *
 * @param location    an {@code http(s)} URL of a listing page that links to the issue PDFs, or a local folder (or a
 *                    single PDF file, or a {@code file:} URI) for offline backfill; not used when
 *                    {@code listing-urls} is set
 * @param listingUrls the {@code http(s)} listing pages to start from (each followed through its pagination); empty
 *                    means {@code location} alone
 */
@Validated
@ConfigurationProperties("parkworld.ingest.source")
public record SourceProperties(@NotBlank @DefaultValue("https://www.parkworld.net/") String location,
        @NotNull @DefaultValue List<URI> listingUrls) {

    public SourceProperties {
        listingUrls = List.copyOf(listingUrls);
        for (URI url : listingUrls) {
            if (!isHttp(url.toString())) {
                throw new IllegalArgumentException("parkworld.ingest.source.listing-urls takes http(s) URLs only: " + url);
            }
        }
    }

    /** Whether issues come from listing pages on the web (otherwise from a local folder or file). */
    public boolean isWeb() {
        return !this.listingUrls.isEmpty() || isHttp(this.location);
    }

    /** The listing pages to start from: {@code listing-urls}, or else {@code location}. */
    public List<URI> listingPages() {
        return this.listingUrls.isEmpty() ? List.of(URI.create(this.location)) : this.listingUrls;
    }

    public Path folder() {
        return this.location.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(this.location))
                : Path.of(this.location);
    }

    private static boolean isHttp(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
