package parkworld.pipeline.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per host, with a minimum delay between the starts of two requests to it. A request holds
 * its host's {@link Slot} for the whole exchange, body included; the next one waits for the slot, then for the delay.
 */
final class HostThrottle {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    HostThrottle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits until a request to {@code host} may start and takes the host's slot; close it when the exchange ends.
     *
     * @param minDelay the minimum time since the start of the previous request to the host
     */
    Slot acquire(String host, Duration minDelay) throws InterruptedException {
        HostState state = this.hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostState());
        state.lock.lockInterruptibly();
        try {
            if (state.lastStart != null) {
                Duration wait = Duration.between(this.clock.instant(), state.lastStart.plus(minDelay));
                if (!wait.isNegative() && !wait.isZero()) {
                    this.sleeper.sleep(wait);
                }
            }
            state.lastStart = this.clock.instant();
        }
        catch (InterruptedException | RuntimeException ex) {
            state.lock.unlock();
            throw ex;
        }
        return state.lock::unlock;
    }

    /** A host's turn: at most one is open per host. */
    @FunctionalInterface
    interface Slot extends AutoCloseable {

        @Override
        void close();
    }

    private static final class HostState {

        final ReentrantLock lock = new ReentrantLock();

        Instant lastStart;
    }
}
