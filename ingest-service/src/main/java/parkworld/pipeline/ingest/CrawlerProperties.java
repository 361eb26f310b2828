package parkworld.pipeline.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the crawler behaves on the web. It always obeys the sites' robots.txt.
 *
 * @param allowedHosts     hosts the crawler may contact; empty means only the host of the source listing page.
 *                         Links and redirects to any other host are refused.
 * @param userAgent        sent with every request: names the crawler and how to contact its operator
 * @param minDelayPerHost  minimum time between two requests to the same host (requests to a host never overlap)
 * @param requestTimeout   how long one request may take before it counts as failed
 * @param maxAttempts      attempts per document on HTTP 429, 5xx or I/O errors, with exponential backoff and jitter
 * @param initialBackoff   the first backoff; it doubles with each attempt
 * @param maxBackoff       the longest single backoff
 * @param maxDocumentSize  larger documents are refused
 * @param maxCrawlDelay    the longest robots.txt Crawl-delay honoured; a site asking for more gets this
 */
@Validated
@ConfigurationProperties("parkworld.ingest.crawler")
public record CrawlerProperties(@DefaultValue Set<String> allowedHosts,
        @NotBlank @DefaultValue("parkworld-pipeline/0.1 (+https://github.com/parkworld/parkworld-pipeline)") String userAgent,
        @DefaultValue("2s") Duration minDelayPerHost, @DefaultValue("30s") Duration requestTimeout,
        @Min(1) @Max(20) @DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff, @DefaultValue("100MB") DataSize maxDocumentSize,
        @DefaultValue("30s") Duration maxCrawlDelay) {
}
