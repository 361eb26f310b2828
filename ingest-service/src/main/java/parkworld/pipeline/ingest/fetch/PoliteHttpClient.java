package parkworld.pipeline.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches documents the way a good citizen crawler does: only from allowed hosts, only what their robots.txt allows,
 * one request at a time per host with a minimum delay between them (longer if the site's Crawl-delay asks, up to a
 * cap), an honest User-Agent, a timeout, a size cap, and backoff with jitter on 429 and 5xx. Redirects are followed
 * by hand so each hop is checked against the {@link HostPolicy} and robots.txt.
 */
public final class PoliteHttpClient {

    private static final Logger log = LoggerFactory.getLogger(PoliteHttpClient.class);

    private static final int MAX_REDIRECTS = 5;
    private static final Duration ROBOTS_TTL = Duration.ofDays(1);
    /** How long an unreadable robots.txt (429, 5xx, network error) keeps its site closed before it is asked again. */
    private static final Duration ROBOTS_RETRY_AFTER = Duration.ofMinutes(10);
    private static final long MAX_ROBOTS_BYTES = 512 * 1024;

    private final HttpClient http;
    private final HostPolicy hostPolicy;
    private final CrawlSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final Map<String, Instant> lastRequestPerHost = new ConcurrentHashMap<>();
    private final Map<String, CachedRobots> robotsPerHost = new ConcurrentHashMap<>();
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();

    public PoliteHttpClient(HttpClient http, HostPolicy hostPolicy, CrawlSettings settings, Clock clock,
            RandomGenerator random, Sleeper sleeper) {
        this.http = http;
        this.hostPolicy = hostPolicy;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
    }

    /**
     * Fetches a document whole.
     *
     * @throws FetchException when the host is not allowed, the server keeps failing, or the body is too large
     */
    public byte[] get(URI uri) throws FetchException, InterruptedException {
        return fetch(uri).body();
    }

    /**
     * Fetches a document whole, with what a reader needs to interpret it.
     *
     * @throws FetchException when the host is not allowed, the server keeps failing, the body is too large or
     *                        shorter than its {@code Content-Length} ({@code TRUNCATED})
     */
    public FetchedDocument fetch(URI uri) throws FetchException, InterruptedException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!this.hostPolicy.allows(current)) {
                throw new FetchException(current, "HOST_NOT_ALLOWED", "host is not in parkworld.ingest.crawler.allowed-hosts "
                        + this.hostPolicy.allowedHosts());
            }
            if (!robots(current).allows(current)) {
                throw new FetchException(current, "ROBOTS_DISALLOWED", "the site's robots.txt disallows it");
            }
            HttpResponse<InputStream> response = sendWithRetries(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                closeQuietly(response);
                current = redirectTarget(current, response);
                continue;
            }
            if (status != 200) {
                closeQuietly(response);
                throw new FetchException(current, "HTTP_" + status, "server answered " + status);
            }
            return new FetchedDocument(current, readCapped(current, response),
                    response.headers().firstValue("Content-Type"));
        }
        throw new FetchException(uri, "TOO_MANY_REDIRECTS", "more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<InputStream> sendWithRetries(URI uri) throws FetchException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(this.settings.requestTimeout())
            .header("User-Agent", this.settings.userAgent())
            .GET()
            .build();
        for (int attempt = 1;; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = sendPolitely(uri, request);
            }
            catch (IOException ex) {
                if (attempt >= this.settings.maxAttempts()) {
                    throw new FetchException(uri, "IO_ERROR", "gave up after " + attempt + " attempts: " + ex, ex);
                }
                backOff(uri, attempt, ex.toString());
                continue;
            }
            int status = response.statusCode();
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= this.settings.maxAttempts()) {
                return response;
            }
            closeQuietly(response);
            backOff(uri, attempt, "status " + status);
        }
    }

    private HttpResponse<InputStream> sendPolitely(URI uri, HttpRequest request) throws IOException, InterruptedException {
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        // One request at a time per host: the lock is held for the whole exchange, and the delay counts from its start.
        synchronized (this.hostLocks.computeIfAbsent(host, h -> new Object())) {
            Instant last = this.lastRequestPerHost.get(host);
            if (last != null) {
                Duration wait = Duration.between(this.clock.instant(), last.plus(delayFor(uri)));
                if (!wait.isNegative() && !wait.isZero()) {
                    this.sleeper.sleep(wait);
                }
            }
            this.lastRequestPerHost.put(host, this.clock.instant());
            return this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
    }

    private Duration delayFor(URI uri) {
        Duration delay = this.settings.minDelayPerHost();
        CachedRobots robots = this.robotsPerHost.get(authority(uri));
        if (robots != null && robots.unavailable() == null && robots.rules().crawlDelay().isPresent()) {
            // A site may ask for a slower pace, up to the cap: a huge Crawl-delay must not stall the weekly run.
            Duration asked = robots.rules().crawlDelay().get();
            Duration capped = asked.compareTo(this.settings.maxCrawlDelay()) > 0 ? this.settings.maxCrawlDelay() : asked;
            if (capped.compareTo(delay) > 0) {
                delay = capped;
            }
        }
        return delay;
    }

    /**
     * The robots.txt rules of the URI's authority (scheme, host, port), cached for a day. RFC 9309: redirects are
     * followed (up to five, each hop on an allowed host); a 4xx answer (429 aside) means no rules; 429, 5xx or a
     * network error mean the site may not be crawled for now. That verdict is cached for a short while only, so the
     * robots.txt is asked again later in the run instead of once per document.
     */
    private RobotsRules robots(URI uri) throws FetchException, InterruptedException {
        String authority = authority(uri);
        CachedRobots cached = this.robotsPerHost.get(authority);
        if (cached == null || !cached.validUntil().isAfter(this.clock.instant())) {
            cached = fetchRobots(uri);
            this.robotsPerHost.put(authority, cached);
        }
        if (cached.unavailable() != null) {
            throw new FetchException(uri, "ROBOTS_UNAVAILABLE", cached.unavailable() + "; not crawling "
                    + authority + " until " + cached.validUntil());
        }
        return cached.rules();
    }

    private CachedRobots fetchRobots(URI uri) throws InterruptedException {
        URI robotsUri = uri.resolve("/robots.txt");
        Instant now = this.clock.instant();
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                if (!this.hostPolicy.allows(robotsUri)) {
                    return unavailable(robotsUri + " is not on parkworld.ingest.crawler.allowed-hosts "
                            + this.hostPolicy.allowedHosts() + " (robots.txt redirected there)", now);
                }
                HttpResponse<InputStream> response = sendWithRetries(robotsUri);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    byte[] body = readCapped(robotsUri, response, MAX_ROBOTS_BYTES);
                    return new CachedRobots(RobotsRules.parse(robotsUri, body, productToken()), null, now.plus(ROBOTS_TTL));
                }
                if (status >= 300 && status < 400) {
                    closeQuietly(response);
                    robotsUri = redirectTarget(robotsUri, response);
                    continue;
                }
                closeQuietly(response);
                if (status == 429 || status >= 500) {
                    return unavailable("robots.txt answered " + status, now);
                }
                log.info("{} answered {}: no rules, everything allowed (RFC 9309)", robotsUri, status);
                return new CachedRobots(RobotsRules.allowAll(), null, now.plus(ROBOTS_TTL));
            }
            // RFC 9309 2.3.1.2: after five redirects the crawler may take the robots.txt as unavailable, i.e. 4xx.
            log.info("robots.txt of {} redirects more than {} times: no rules, everything allowed (RFC 9309)",
                    authority(uri), MAX_REDIRECTS);
            return new CachedRobots(RobotsRules.allowAll(), null, now.plus(ROBOTS_TTL));
        }
        catch (FetchException ex) {
            return unavailable("robots.txt could not be read: " + ex.getMessage() + " (" + ex.reason() + ")", now);
        }
    }

    private CachedRobots unavailable(String why, Instant now) {
        log.warn("{}: crawling that site is disallowed for now, asked again after {}", why, ROBOTS_RETRY_AFTER);
        return new CachedRobots(RobotsRules.allowAll(), why, now.plus(ROBOTS_RETRY_AFTER));
    }

    private static String authority(URI uri) {
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                + ":" + uri.getPort();
    }

    /** Where a 3xx answer points; a missing or malformed {@code Location} is refused, never an uncaught exception. */
    private static URI redirectTarget(URI from, HttpResponse<InputStream> response) throws FetchException {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new FetchException(from, "BAD_REDIRECT", "redirect " + response.statusCode() + " without Location"));
        try {
            return from.resolve(location.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new FetchException(from, "BAD_REDIRECT", "redirect to a malformed Location", ex);
        }
    }

    private String productToken() {
        String agent = this.settings.userAgent();
        int end = 0;
        while (end < agent.length() && agent.charAt(end) != '/' && agent.charAt(end) != ' ') {
            end++;
        }
        return agent.substring(0, end);
    }

    private void backOff(URI uri, int attempt, String why) throws InterruptedException {
        long base = this.settings.initialBackoff().toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, this.settings.maxBackoff().toMillis());
        // Equal jitter (half fixed, half random): spreads retries so crawlers do not hit a recovering server in step.
        Duration wait = Duration.ofMillis(this.random.nextLong(capped / 2, capped + 1));
        log.warn("Fetch of {} failed ({}), attempt {}/{}; retrying in {} ms", uri, why, attempt,
                this.settings.maxAttempts(), wait.toMillis());
        this.sleeper.sleep(wait);
    }

    private byte[] readCapped(URI uri, HttpResponse<InputStream> response) throws FetchException {
        return readCapped(uri, response, this.settings.maxDocumentBytes());
    }

    private byte[] readCapped(URI uri, HttpResponse<InputStream> response, long max) throws FetchException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > max) {
            closeQuietly(response);
            throw new FetchException(uri, "TOO_LARGE", declared + " bytes exceeds parkworld.ingest.crawler.max-document-size");
        }
        long total = 0;
        try (InputStream in = response.body()) {
            // Sized by what arrives, not by what the header announces: a header may promise far more than is sent.
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1;) {
                total += n;
                if (total > max) {
                    throw new FetchException(uri, "TOO_LARGE",
                            "body exceeds parkworld.ingest.crawler.max-document-size (" + max + " bytes)");
                }
                out.write(buffer, 0, n);
            }
            if (declared >= 0 && total != declared) {
                throw truncated(uri, declared, total);
            }
            return out.toByteArray();
        }
        catch (IOException ex) {
            if (declared > total) {
                // The connection ended before the announced length: half a document, never to be stored.
                throw truncated(uri, declared, total);
            }
            throw new FetchException(uri, "IO_ERROR", "reading body failed: " + ex, ex);
        }
    }

    private static FetchException truncated(URI uri, long declared, long received) {
        return new FetchException(uri, "TRUNCATED",
                "received " + received + " of the " + declared + " bytes its Content-Length announced");
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        }
        catch (IOException ignored) {
            // Nothing more to read from a response we are discarding.
        }
    }

    /** Waits; a seam so tests run without real delays. */
    @FunctionalInterface
    public interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;

        static Sleeper real() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }

    /**
     * How politely to crawl.
     *
     * @param userAgent        sent with every request; should name the operator and a contact URL
     * @param minDelayPerHost  minimum time between the starts of two requests to the same host
     * @param requestTimeout   how long one request may take
     * @param maxAttempts      attempts per request on 429, 5xx or I/O errors
     * @param initialBackoff   first backoff; doubles per attempt
     * @param maxBackoff       cap on one backoff
     * @param maxDocumentBytes larger documents are refused
     * @param maxCrawlDelay    the longest robots.txt Crawl-delay honoured
     */
    public record CrawlSettings(String userAgent, Duration minDelayPerHost, Duration requestTimeout, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, long maxDocumentBytes, Duration maxCrawlDelay) {
    }

    /**
     * A document as the server sent it.
     *
     * @param uri         where it was found, after redirects: relative links in it resolve against this
     * @param body        its bytes, complete
     * @param contentType the {@code Content-Type} header, if any
     */
    public record FetchedDocument(URI uri, byte[] body, java.util.Optional<String> contentType) {
    }

    /**
     * @param unavailable why the site may not be crawled for now, or null when {@code rules} apply
     */
    private record CachedRobots(RobotsRules rules, String unavailable, Instant validUntil) {
    }
}
