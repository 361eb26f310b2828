package parkworld.pipeline.indexer.bulk;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, bounded: the n-th wait is {@code initial * 2^(n-1)} capped at {@code max}, of
 * which a random share between a half and the whole is taken, so indexers retrying after the same overload do not
 * come back in step.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /**
     * @param initial the first wait before jitter
     * @param max     the longest wait
     * @param random  values in [0, 1); injected so tests are deterministic
     */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /**
     * @param retry 1 for the first retry, 2 for the second...
     * @return how long to wait before it
     */
    Duration before(int retry) {
        long ceiling = this.initial.toMillis();
        for (int i = 1; i < retry && ceiling < this.max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, this.max.toMillis());
        double share = 0.5 + 0.5 * this.random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(ceiling * share)));
    }
}
