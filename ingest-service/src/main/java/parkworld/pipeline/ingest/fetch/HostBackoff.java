package parkworld.pipeline.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs a whole host off when it is in trouble: a {@code Retry-After} on 429 or 503 holds every request to the host
 * until then (up to a cap; asking for longer leaves the host alone for the rest of the run), failures back off
 * exponentially with jitter, and after a number of consecutive failures the host is left alone for the rest of the
 * run (this object lives as long as the client, so "the run" is until {@link #newRun()}).
 */
final class HostBackoff {

    private static final Logger log = LoggerFactory.getLogger(HostBackoff.class);

    private final Clock clock;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final Settings settings;
    private final FetchMeters meters;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    HostBackoff(Clock clock, RandomGenerator random, Sleeper sleeper, Settings settings, FetchMeters meters) {
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
        this.settings = settings;
        this.meters = meters;
    }

    /** Forgets every host's troubles: a new run gives each host a new chance. */
    void newRun() {
        this.hosts.clear();
    }

    /**
     * Waits while the host is held by a Retry-After.
     *
     * @throws FetchException {@code HOST_ABANDONED} when the host is left alone for the rest of the run
     */
    void awaitTurn(URI uri) throws FetchException, InterruptedException {
        HostState state = state(uri);
        if (state.abandoned != null) {
            throw new FetchException(uri, "HOST_ABANDONED", "host left alone for the rest of the run: " + state.abandoned);
        }
        Instant until = state.heldUntil;
        if (until != null) {
            Duration wait = Duration.between(this.clock.instant(), until);
            if (!wait.isNegative() && !wait.isZero()) {
                log.info("Waiting {} ms before {}: its host asked for it (Retry-After)", wait.toMillis(), uri);
                this.sleeper.sleep(wait);
            }
        }
    }

    /** The host answered: its consecutive failures start again from zero. */
    void answered(URI uri) {
        state(uri).consecutiveFailures = 0;
    }

    /** A 429 or 503 with {@code Retry-After}: every request to the host waits that long. */
    void retryAfter(URI uri, Duration asked) {
        HostState state = state(uri);
        // A host in trouble all the same: a site answering every request with 503 and Retry-After is left alone too.
        state.consecutiveFailures++;
        if (state.consecutiveFailures >= this.settings.hostFailureLimit()) {
            abandon(uri, state, state.consecutiveFailures + " consecutive failures (parkworld.ingest.crawler.host-failure-limit), "
                    + "the last a Retry-After of " + asked.toSeconds() + " s");
            return;
        }
        if (asked.compareTo(this.settings.maxRetryAfter()) > 0) {
            abandon(uri, state, "Retry-After of " + asked.toSeconds() + " s exceeds parkworld.ingest.crawler.max-retry-after ("
                    + this.settings.maxRetryAfter().toSeconds() + " s)");
            return;
        }
        state.heldUntil = this.clock.instant().plus(asked);
        this.meters.hostBackoff(uri, "RETRY_AFTER");
        log.warn("{} asked to wait {} s (Retry-After): the whole host waits", uri, asked.toSeconds());
    }

    /**
     * A failure (5xx, 429 without Retry-After, I/O error, timeout). Counts towards abandoning the host.
     *
     * @return the jittered backoff before the next attempt, {@code attempt} being the one that failed (from 1)
     */
    Duration failed(URI uri, int attempt, String why) {
        HostState state = state(uri);
        state.consecutiveFailures++;
        if (state.consecutiveFailures >= this.settings.hostFailureLimit()) {
            abandon(uri, state, state.consecutiveFailures + " consecutive failures (parkworld.ingest.crawler.host-failure-limit), the last: "
                    + why);
            return Duration.ZERO;
        }
        long base = this.settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.max(0, Math.min(base, this.settings.maxBackoff().toMillis()));
        // Equal jitter (half fixed, half random): spreads retries so crawlers do not hit a recovering server in step.
        Duration wait = Duration.ofMillis(capped == 0 ? 0 : this.random.nextLong(capped / 2, capped + 1));
        this.meters.hostBackoff(uri, "FAILURE");
        return wait;
    }

    /** Whether the host is left alone for the rest of the run. */
    boolean abandoned(URI uri) {
        return state(uri).abandoned != null;
    }

    private void abandon(URI uri, HostState state, String why) {
        if (state.abandoned == null) {
            state.abandoned = why;
            this.meters.hostBackoff(uri, "ABANDONED");
            log.error("Host of {} left alone for the rest of the run: {}", uri, why);
        }
    }

    private HostState state(URI uri) {
        return this.hosts.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), h -> new HostState());
    }

    /**
     * @param initialBackoff    the first backoff after a failure; doubles with each attempt
     * @param maxBackoff        the longest single backoff
     * @param hostFailureLimit  consecutive failures after which the host is left alone for the rest of the run
     * @param maxRetryAfter     the longest Retry-After honoured; a host asking for more is left alone for the run
     */
    record Settings(Duration initialBackoff, Duration maxBackoff, int hostFailureLimit, Duration maxRetryAfter) {
    }

    private static final class HostState {

        volatile int consecutiveFailures;

        volatile Instant heldUntil;

        volatile String abandoned;
    }
}
