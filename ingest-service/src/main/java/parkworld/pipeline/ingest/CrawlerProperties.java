package parkworld.pipeline.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the crawler behaves on the web. It always obeys the sites' robots.txt. See ingest-service/CRAWLER.md.
 *
 * @param allowedHosts      hosts the crawler may contact: a bare name ({@code www.parkworld.net}: http on port 80 and
 *                          https on 443) or an origin with its port ({@code http://127.0.0.1:8080}); empty means only
 *                          the origins of the listing pages (and their hosts on the default ports). Links and redirects
 *                          anywhere else, another port of an allowed host included, are refused.
 * @param allowLoopback     whether host names may resolve to a loopback address (127.0.0.0/8, ::1); off, as are
 *                          private, link-local and other non-public addresses, which are always refused. Turn on only
 *                          for a site served on the same machine (tests, the local run command)
 * @param userAgent         sent with every request: names the crawler and how to contact its operator
 * @param minDelayPerHost   minimum time between the starts of two requests to the same host (requests to a host
 *                          never overlap)
 * @param requestTimeout    how long a server may stay silent: connecting, before the headers, between two reads
 * @param documentDeadline  how long one page or document may take in all, retries and redirects included: a server
 *                          that drips bytes cannot hold a run
 * @param maxAttempts       attempts per request on HTTP 429, 5xx, timeouts or I/O errors, with exponential backoff and
 *                          jitter
 * @param initialBackoff    the first backoff; it doubles with each attempt
 * @param maxBackoff        the longest single backoff
 * @param hostFailureLimit  consecutive failed requests after which a host is left alone for the rest of the run
 * @param maxRetryAfter     the longest {@code Retry-After} (on 429 or 503) the crawler waits for; it holds the whole
 *                          host. A host asking for longer is left alone for the rest of the run
 * @param maxRedirects      redirects followed per request (a loop ends at once)
 * @param maxDocumentSize   larger documents are refused, by the bytes actually received and by Content-Length
 * @param maxPageSize       larger listing pages are refused (they are read into memory)
 * @param maxCrawlDelay     the longest robots.txt Crawl-delay honoured; a site asking for more gets this
 * @param downloadDirectory where documents are streamed to before they are stored; empty for the system's temporary
 *                          directory. On the blob store's file system, storing is a rename
 */
@Validated
@ConfigurationProperties("parkworld.ingest.crawler")
public record CrawlerProperties(@DefaultValue Set<String> allowedHosts, @DefaultValue("false") boolean allowLoopback,
        @NotBlank @DefaultValue("parkworld-pipeline/0.1 (+https://github.com/parkworld/parkworld-pipeline)") String userAgent,
        @NotNull @DefaultValue("2s") Duration minDelayPerHost, @NotNull @DefaultValue("30s") Duration requestTimeout,
        @NotNull @DefaultValue("10m") Duration documentDeadline,
        @Min(1) @Max(20) @DefaultValue("4") int maxAttempts, @NotNull @DefaultValue("1s") Duration initialBackoff,
        @NotNull @DefaultValue("60s") Duration maxBackoff, @Min(1) @DefaultValue("10") int hostFailureLimit,
        @NotNull @DefaultValue("10m") Duration maxRetryAfter, @Min(0) @Max(20) @DefaultValue("5") int maxRedirects,
        @NotNull @DefaultValue("100MB") DataSize maxDocumentSize, @NotNull @DefaultValue("10MB") DataSize maxPageSize,
        @NotNull @DefaultValue("30s") Duration maxCrawlDelay, @NotNull @DefaultValue("") String downloadDirectory) {

    /** Where documents are downloaded to. */
    public Path downloadPath() {
        return this.downloadDirectory.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "parkworld-ingest-downloads")
                : Path.of(this.downloadDirectory);
    }
}
