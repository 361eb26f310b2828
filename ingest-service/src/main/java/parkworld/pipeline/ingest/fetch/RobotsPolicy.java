package parkworld.pipeline.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether robots.txt lets the crawler fetch a URL, per RFC 9309: the rules of the URL's authority (scheme, host,
 * port) are read once a day; a 4xx answer (429 aside) means no rules; 429, 5xx or a network error mean the site may
 * not be crawled for now, a verdict cached for a short while only, so robots.txt is asked again later in the run
 * instead of once per document. Redirects of robots.txt are followed by the client (up to five, each hop on an
 * allowed host); more than that counts as no robots.txt.
 */
final class RobotsPolicy {

    private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);

    static final Duration RULES_TTL = Duration.ofDays(1);
    /** How long an unreadable robots.txt (429, 5xx, network error) keeps its site closed before it is asked again. */
    static final Duration UNAVAILABLE_TTL = Duration.ofMinutes(10);
    /** RFC 9309 2.5: at least 500 KiB are parsed; the rest is ignored. */
    static final long MAX_ROBOTS_BYTES = 512 * 1024;

    /** Reasons of a failed robots.txt fetch that RFC 9309 treats as "unavailable" (4xx): everything allowed. */
    private static final Set<String> AS_IF_MISSING = Set.of("TOO_MANY_REDIRECTS", "REDIRECT_LOOP");

    private final RobotsSource source;
    private final String productToken;
    private final Clock clock;
    private final FetchMeters meters;
    private final Map<String, Cached> perAuthority = new ConcurrentHashMap<>();

    RobotsPolicy(RobotsSource source, String userAgent, Clock clock, FetchMeters meters) {
        this.source = source;
        this.productToken = productToken(userAgent);
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @throws FetchException {@code ROBOTS_DISALLOWED}, or {@code ROBOTS_UNAVAILABLE} while the site's robots.txt
     *                        cannot be read
     */
    void check(URI uri) throws FetchException, InterruptedException {
        Cached cached = rules(uri);
        if (cached.unavailable() != null) {
            this.meters.robotsVerdict(uri, "unavailable");
            throw new FetchException(uri, "ROBOTS_UNAVAILABLE", cached.unavailable() + "; not crawling "
                    + authority(uri) + " until " + cached.validUntil());
        }
        if (!cached.rules().allows(uri)) {
            this.meters.robotsVerdict(uri, "disallowed");
            throw new FetchException(uri, "ROBOTS_DISALLOWED", "the site's robots.txt disallows it");
        }
        this.meters.robotsVerdict(uri, "allowed");
    }

    /** The Crawl-delay the URL's site asks for, if its robots.txt was read. */
    Optional<Duration> crawlDelay(URI uri) {
        Cached cached = this.perAuthority.get(authority(uri));
        return cached == null || cached.unavailable() != null ? Optional.empty() : cached.rules().crawlDelay();
    }

    private Cached rules(URI uri) throws FetchException, InterruptedException {
        String authority = authority(uri);
        Cached cached = this.perAuthority.get(authority);
        if (cached == null || !cached.validUntil().isAfter(this.clock.instant())) {
            cached = read(uri);
            this.perAuthority.put(authority, cached);
        }
        return cached;
    }

    private Cached read(URI uri) throws FetchException, InterruptedException {
        URI robotsUri = uri.resolve("/robots.txt");
        Instant now = this.clock.instant();
        try {
            RobotsSource.Answer answer = this.source.fetch(robotsUri);
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return new Cached(RobotsRules.parse(answer.uri(), answer.body(), this.productToken), null, now.plus(RULES_TTL));
            }
            if (status == 429 || status >= 500) {
                return unavailable("robots.txt answered " + status, now);
            }
            log.info("{} answered {}: no rules, everything allowed (RFC 9309)", robotsUri, status);
            return new Cached(RobotsRules.allowAll(), null, now.plus(RULES_TTL));
        }
        catch (FetchException ex) {
            if (ex.reason().equals("ADDRESS_NOT_ALLOWED")) {
                // The site itself may not be contacted: that, not its robots.txt, is why nothing is fetched.
                throw new FetchException(uri, ex.reason(), ex.getMessage(), ex);
            }
            if (AS_IF_MISSING.contains(ex.reason())) {
                // RFC 9309 2.3.1.2: after five redirects the crawler may take the robots.txt as unavailable, i.e. 4xx.
                log.info("robots.txt of {} redirects too often ({}): no rules, everything allowed (RFC 9309)",
                        authority(uri), ex.reason());
                return new Cached(RobotsRules.allowAll(), null, now.plus(RULES_TTL));
            }
            return unavailable("robots.txt could not be read: " + ex.getMessage() + " (" + ex.reason() + ")", now);
        }
    }

    private Cached unavailable(String why, Instant now) {
        log.warn("{}: crawling that site is disallowed for now, asked again after {}", why, UNAVAILABLE_TTL);
        return new Cached(RobotsRules.allowAll(), why, now.plus(UNAVAILABLE_TTL));
    }

    static String authority(URI uri) {
        return HostPolicy.origin(uri);
    }

    private static String productToken(String userAgent) {
        int end = 0;
        while (end < userAgent.length() && userAgent.charAt(end) != '/' && userAgent.charAt(end) != ' ') {
            end++;
        }
        return userAgent.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Reads a robots.txt, following its redirects; the client, without asking robots.txt about it. */
    @FunctionalInterface
    interface RobotsSource {

        /**
         * @return the final answer (not a redirect), its body (cut at {@link #MAX_ROBOTS_BYTES}) when 2xx
         * @throws FetchException when it could not be read: network error, redirect off the allowed hosts, too many
         *                        redirects ({@code TOO_MANY_REDIRECTS}), 429 or 5xx after the retries
         */
        Answer fetch(URI robotsUri) throws FetchException, InterruptedException;

        /** @param uri where it was read, after redirects */
        record Answer(URI uri, int status, byte[] body) {
        }
    }

    /** @param unavailable why the site may not be crawled for now, or null when {@code rules} apply */
    private record Cached(RobotsRules rules, String unavailable, Instant validUntil) {
    }
}
