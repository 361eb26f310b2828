package parkworld.pipeline.ingest.fetch;

import java.time.Duration;

/** Waits; a seam so tests run without real delays. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
