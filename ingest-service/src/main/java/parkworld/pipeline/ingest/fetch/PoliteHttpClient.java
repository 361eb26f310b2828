package parkworld.pipeline.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Fetches pages and documents the way a good citizen crawler does, by putting its roles together: only from allowed
 * origins ({@link HostPolicy}), never from an address no public site has ({@link AddressGuard}), only what robots.txt
 * allows ({@link RobotsPolicy}), one request at a time per host with a minimum delay ({@link HostThrottle}), backing
 * the host off on 429, 5xx and failures ({@link HostBackoff}), reading bodies within a size limit and a deadline
 * ({@link BoundedBody}). Redirects are followed by hand, each hop checked; a loop, too many hops or a malformed
 * {@code Location} end in a {@link FetchException} with its reason, never in another exception.
 */
public final class PoliteHttpClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PoliteHttpClient.class);

    private final HttpTransport transport;
    private final HostPolicy hostPolicy;
    private final CrawlSettings settings;
    private final Sleeper sleeper;
    private final HostThrottle throttle;
    private final HostBackoff backoff;
    private final RobotsPolicy robots;
    private final FetchMeters meters;

    public PoliteHttpClient(CrawlSettings settings, HostPolicy hostPolicy, AddressGuard addressGuard, Clock clock,
            RandomGenerator random, Sleeper sleeper, MeterRegistry meters) {
        this.settings = settings;
        this.hostPolicy = hostPolicy;
        this.sleeper = sleeper;
        this.meters = new FetchMeters(meters);
        this.transport = new HttpTransport(addressGuard, settings.requestTimeout(), settings.userAgent());
        this.throttle = new HostThrottle(clock, sleeper);
        this.backoff = new HostBackoff(clock, random, sleeper, new HostBackoff.Settings(settings.initialBackoff(),
                settings.maxBackoff(), settings.hostFailureLimit(), settings.maxRetryAfter()), this.meters);
        this.robots = new RobotsPolicy(this::fetchRobots, settings.userAgent(), clock, this.meters);
    }

    /** A new run: hosts left alone or backed off in the last run get a new chance. */
    public void newRun() {
        this.backoff.newRun();
    }

    /**
     * Fetches a page (a listing page) into memory, up to {@code max-page-size}; a body that starts like a PDF is
     * read no further and comes back as {@link FetchedPage#isPdf()}: a document, to {@link #download} within
     * {@code max-document-size}.
     *
     * @throws FetchException when it cannot be fetched, with its reason
     */
    public FetchedPage fetchPage(URI uri) throws FetchException, InterruptedException {
        try (Answer answer = open(uri, Map.of(), false)) {
            if (answer.status() != 200) {
                throw new FetchException(answer.uri(), "HTTP_" + answer.status(), "server answered " + answer.status());
            }
            byte[] body = BoundedBody.pageToMemory(answer.uri(), answer.exchange(), this.settings.maxPageBytes(),
                    this.meters);
            return new FetchedPage(answer.uri(), body == null ? new byte[0] : body,
                    answer.exchange().header("Content-Type"), body == null);
        }
    }

    /**
     * Downloads a document into a temporary file; see {@link #download(URI, Validators, HeadCheck)}.
     */
    public FetchedDocument download(URI uri, HeadCheck check) throws FetchException, InterruptedException {
        DocumentFetch fetch = download(uri, Validators.none(), check);
        return ((DocumentFetch.Fetched) fetch).document();
    }

    /**
     * Downloads a document into a temporary file in {@code download-directory}, hashing it as it arrives; with
     * validators, as a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}).
     *
     * @param known what is known of the document from an earlier fetch; {@link Validators#none()} for none
     * @param check refuses a body by its first bytes, aborting the download
     * @return the document (close it), or {@link DocumentFetch.NotModified} when the server answered 304
     * @throws FetchException when it cannot be fetched or is refused, with its reason; nothing is left on disk
     */
    public DocumentFetch download(URI uri, Validators known, HeadCheck check) throws FetchException, InterruptedException {
        try (Answer answer = open(uri, known.requestHeaders(), false)) {
            if (answer.status() == 304 && !known.isEmpty()) {
                log.info("{} not modified (304): nothing downloaded", answer.uri());
                return new DocumentFetch.NotModified(answer.uri());
            }
            if (answer.status() != 200) {
                throw new FetchException(answer.uri(), "HTTP_" + answer.status(), "server answered " + answer.status());
            }
            return new DocumentFetch.Fetched(BoundedBody.toFile(answer.uri(), answer.exchange(),
                    this.settings.maxDocumentBytes(), check, this.settings.downloadDirectory(), this.meters));
        }
    }

    private RobotsPolicy.RobotsSource.Answer fetchRobots(URI robotsUri) throws FetchException, InterruptedException {
        try (Answer answer = open(robotsUri, Map.of(), true)) {
            byte[] body = answer.status() >= 200 && answer.status() < 300
                    ? BoundedBody.toMemory(answer.uri(), answer.exchange(), RobotsPolicy.MAX_ROBOTS_BYTES, true, this.meters)
                    : new byte[0];
            return new RobotsPolicy.RobotsSource.Answer(answer.uri(), answer.status(), body);
        }
    }

    /**
     * Sends a GET and follows its redirects, each hop on an allowed origin and (unless it is robots.txt itself)
     * allowed by robots.txt; returns the first answer that is no redirect, holding its host's slot until closed.
     */
    private Answer open(URI uri, Map<String, String> headers, boolean isRobotsTxt) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + this.settings.documentDeadline().toNanos();
        Set<URI> visited = new HashSet<>();
        URI current = uri;
        String previousUrl = MDC.get("url");
        MDC.put("url", uri.toASCIIString());
        try {
            for (int hop = 0; hop <= this.settings.maxRedirects(); hop++) {
                if (!visited.add(current)) {
                    throw new FetchException(current, "REDIRECT_LOOP", "redirects lead back to " + current);
                }
                if (!this.hostPolicy.allows(current)) {
                    throw new FetchException(current, "HOST_NOT_ALLOWED", (hop == 0 ? "" : "redirected to a URL whose ")
                            + "origin is not in parkworld.ingest.crawler.allowed-hosts " + this.hostPolicy.allowedOrigins());
                }
                if (!isRobotsTxt) {
                    this.robots.check(current);
                }
                Answer answer = sendWithRetries(current, headers, deadline);
                int status = answer.status();
                if (status < 300 || status >= 400 || status == 304) {
                    return answer;
                }
                URI target;
                try {
                    target = redirectTarget(current, answer);
                }
                finally {
                    answer.close();
                }
                log.debug("{} redirects ({}) to {}", current, status, target);
                current = target;
            }
            throw new FetchException(uri, "TOO_MANY_REDIRECTS", "more than " + this.settings.maxRedirects()
                    + " redirects (parkworld.ingest.crawler.max-redirects)");
        }
        finally {
            if (previousUrl == null) {
                MDC.remove("url");
            }
            else {
                MDC.put("url", previousUrl);
            }
        }
    }

    private Answer sendWithRetries(URI uri, Map<String, String> headers, long deadline)
            throws FetchException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("fetch of " + uri + " interrupted");
            }
            this.backoff.awaitTurn(uri);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if ((left.isNegative() || left.isZero())) {
                throw new FetchException(uri, "DEADLINE", "not fetched within parkworld.ingest.crawler.document-deadline ("
                        + this.settings.documentDeadline().toSeconds() + " s), retries and redirects included");
            }
            HostThrottle.Slot slot = this.throttle.acquire(uri.getHost(), delayFor(uri));
            long start = System.nanoTime();
            HttpTransport.Exchange exchange;
            try {
                exchange = this.transport.get(uri, headers, left);
            }
            catch (IOException ex) {
                slot.close();
                String reason = failureReason(ex);
                this.meters.exchange(uri, reason, Duration.ofNanos(System.nanoTime() - start));
                if (reason.equals("ADDRESS_NOT_ALLOWED") || reason.equals("UNKNOWN_HOST") || reason.equals("DEADLINE")) {
                    throw new FetchException(uri, reason, ex.getMessage(), ex);
                }
                retryLater(uri, attempt, reason, reason + " " + ex, ex);
                continue;
            }
            Answer answer = new Answer(uri, exchange, slot, start, this.meters);
            int status = exchange.status();
            if (status != 429 && status < 500) {
                this.backoff.answered(uri);
                return answer;
            }
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? exchange.header("Retry-After").flatMap(PoliteHttpClient::parseRetryAfter) : Optional.empty();
            answer.close();
            if (retryAfter.isPresent()) {
                this.backoff.retryAfter(uri, retryAfter.get());
                if (attempt >= this.settings.maxAttempts() || this.backoff.abandoned(uri)) {
                    throw new FetchException(uri, "HTTP_" + status, "server answered " + status + " after " + attempt
                            + " attempt(s), Retry-After " + retryAfter.get().toSeconds() + " s");
                }
                continue;
            }
            retryLater(uri, attempt, "HTTP_" + status, "server answered " + status, null);
        }
    }

    /** Backs off after a failed attempt, or gives up with the failure's reason. */
    private void retryLater(URI uri, int attempt, String reason, String why, Throwable cause)
            throws FetchException, InterruptedException {
        Duration wait = this.backoff.failed(uri, attempt, why);
        if (attempt >= this.settings.maxAttempts() || this.backoff.abandoned(uri)) {
            throw new FetchException(uri, reason, "gave up after " + attempt + " attempt(s): " + why, cause);
        }
        log.warn("Fetch of {} failed ({}), attempt {}/{}; retrying in {} ms", uri, why, attempt,
                this.settings.maxAttempts(), wait.toMillis());
        this.sleeper.sleep(wait);
    }

    private static String failureReason(IOException ex) {
        if (ex instanceof AddressGuard.RefusedAddressException) {
            return "ADDRESS_NOT_ALLOWED";
        }
        if (ex instanceof HttpTransport.DeadlineExceededException) {
            return "DEADLINE";
        }
        if (ex instanceof UnknownHostException) {
            return "UNKNOWN_HOST";
        }
        if (ex instanceof ConnectTimeoutException || ex instanceof SocketTimeoutException) {
            return "TIMEOUT";
        }
        return "IO_ERROR";
    }

    private Duration delayFor(URI uri) {
        Duration delay = this.settings.minDelayPerHost();
        Optional<Duration> asked = this.robots.crawlDelay(uri);
        if (asked.isPresent()) {
            // A site may ask for a slower pace, up to the cap: a huge Crawl-delay must not stall the weekly run.
            Duration capped = asked.get().compareTo(this.settings.maxCrawlDelay()) > 0 ? this.settings.maxCrawlDelay()
                    : asked.get();
            if (capped.compareTo(delay) > 0) {
                delay = capped;
            }
        }
        return delay;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; empty when malformed (the usual backoff applies). */
    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty() && trimmed.length() < 10) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            }
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(trimmed,
                    DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        }
        catch (DateTimeParseException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** Where a 3xx answer points; a missing or malformed {@code Location} is refused, never an uncaught exception. */
    private static URI redirectTarget(URI from, Answer answer) throws FetchException {
        String location = answer.exchange().header("Location").orElseThrow(
                () -> new FetchException(from, "BAD_REDIRECT", "redirect " + answer.status() + " without Location"));
        try {
            URI target = from.resolve(new URI(location.trim()));
            if (target.getHost() == null) {
                throw new FetchException(from, "BAD_REDIRECT", "redirect to a Location without a host: " + location);
            }
            return target.normalize();
        }
        catch (java.net.URISyntaxException | IllegalArgumentException ex) {
            throw new FetchException(from, "BAD_REDIRECT", "redirect to a malformed Location", ex);
        }
    }

    @Override
    public void close() throws IOException {
        this.transport.close();
    }

    /**
     * An answer that is no redirect, its body still to read; holds its host's slot until closed.
     */
    private static final class Answer implements AutoCloseable {

        private final URI uri;
        private final HttpTransport.Exchange exchange;
        private final HostThrottle.Slot slot;
        private final long start;
        private final FetchMeters meters;
        private boolean closed;

        Answer(URI uri, HttpTransport.Exchange exchange, HostThrottle.Slot slot, long start, FetchMeters meters) {
            this.uri = uri;
            this.exchange = exchange;
            this.slot = slot;
            this.start = start;
            this.meters = meters;
        }

        URI uri() {
            return this.uri;
        }

        int status() {
            return this.exchange.status();
        }

        HttpTransport.Exchange exchange() {
            return this.exchange;
        }

        @Override
        public void close() {
            if (this.closed) {
                return;
            }
            this.closed = true;
            try {
                this.exchange.close();
            }
            finally {
                this.slot.close();
                int status = this.exchange.status();
                this.meters.exchange(this.uri, status == 304 ? "304" : (status / 100) + "xx",
                        Duration.ofNanos(System.nanoTime() - this.start));
            }
        }
    }

    /**
     * How politely and safely to crawl.
     *
     * @param userAgent         sent with every request; should name the operator and a contact URL
     * @param minDelayPerHost   minimum time between the starts of two requests to the same host
     * @param requestTimeout    how long a server may stay silent: connecting, before the headers, between reads
     * @param documentDeadline  how long one page or document may take in all, retries and redirects included
     * @param maxAttempts       attempts per request on 429, 5xx, timeouts or I/O errors
     * @param initialBackoff    first backoff; doubles per attempt
     * @param maxBackoff        cap on one backoff
     * @param hostFailureLimit  consecutive failures after which a host is left alone for the rest of the run
     * @param maxRetryAfter     the longest Retry-After honoured; a host asking for more is left alone for the run
     * @param maxRedirects      redirects followed per request
     * @param maxDocumentBytes  larger documents are refused, by the bytes received
     * @param maxPageBytes      larger listing pages are refused
     * @param maxCrawlDelay     the longest robots.txt Crawl-delay honoured
     * @param downloadDirectory where documents are downloaded to before they are stored
     */
    public record CrawlSettings(String userAgent, Duration minDelayPerHost, Duration requestTimeout,
            Duration documentDeadline, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
            int hostFailureLimit, Duration maxRetryAfter, int maxRedirects, long maxDocumentBytes, long maxPageBytes,
            Duration maxCrawlDelay, Path downloadDirectory) {
    }

    /**
     * A page as the server sent it.
     *
     * @param uri         where it was found, after redirects: relative links in it resolve against this
     * @param body        its bytes, complete
     * @param contentType the {@code Content-Type} header, if any
     * @param isPdf       the body starts like a PDF ({@link PdfHead}): no page but a document, not read (empty body)
     */
    public record FetchedPage(URI uri, byte[] body, Optional<String> contentType, boolean isPdf) {
    }
}
