package parkworld.pipeline.ingest.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import parkworld.pipeline.contract.PipelineMeters;

/** The crawler's meters, named in {@link PipelineMeters}; tagged by host (the crawler contacts a handful). */
final class FetchMeters {

    private final MeterRegistry registry;

    FetchMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One HTTP exchange ended; outcome is {@code 2xx} .. {@code 5xx}, {@code 304}, or a failure reason. */
    void exchange(URI uri, String outcome, Duration took) {
        this.registry.counter(PipelineMeters.INGEST_FETCH_REQUESTS, PipelineMeters.TAG_HOST, host(uri),
                PipelineMeters.TAG_OUTCOME, outcome).increment();
        Timer.builder(PipelineMeters.INGEST_FETCH_DURATION).tag(PipelineMeters.TAG_HOST, host(uri))
            .tag(PipelineMeters.TAG_OUTCOME, outcome).register(this.registry).record(took);
    }

    void bytes(URI uri, long count) {
        this.registry.counter(PipelineMeters.INGEST_FETCH_BYTES, PipelineMeters.TAG_HOST, host(uri)).increment(count);
    }

    void robotsVerdict(URI uri, String verdict) {
        this.registry.counter(PipelineMeters.INGEST_ROBOTS_VERDICTS, PipelineMeters.TAG_HOST, host(uri),
                PipelineMeters.TAG_OUTCOME, verdict).increment();
    }

    void hostBackoff(URI uri, String reason) {
        this.registry.counter(PipelineMeters.INGEST_HOST_BACKOFFS, PipelineMeters.TAG_HOST, host(uri),
                PipelineMeters.TAG_REASON, reason).increment();
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "none" : uri.getHost().toLowerCase(Locale.ROOT);
    }
}
