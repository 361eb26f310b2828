package parkworld.pipeline.indexer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How a batch of articles becomes Elasticsearch bulk requests. A Kafka batch (at most {@code max.poll.records}
 * records, handed over after at most {@code fetch.max.wait.ms}: the bound by count and time) is split into bulk
 * requests of at most {@code maxActions} documents and {@code maxBytes} (the bound by size), of which at most
 * {@code maxInFlight} are sent at once. Items Elasticsearch answers with 429 or 5xx are sent again, alone, after a
 * jittered backoff, at most {@code itemRetry.maxAttempts} times per request; after that the whole batch is retried
 * by the listener container ({@code parkworld.retry.*}) with its partitions paused.
 *
 * @param maxActions  the most documents in one bulk request
 * @param maxBytes    the most document bytes in one bulk request
 * @param timeout     how long Elasticsearch may wait for unavailable shards before failing the items of a request
 * @param maxInFlight the most bulk requests of one batch sent at the same time
 * @param itemRetry   how items refused for now (429, 5xx) are sent again within one batch
 */
@Validated
@ConfigurationProperties("parkworld.indexer.bulk")
public record BulkProperties(@Min(1) @Max(10_000) @DefaultValue("500") int maxActions,
        @NotNull @DefaultValue("10MB") DataSize maxBytes, @NotNull @DefaultValue("1m") Duration timeout,
        @Min(1) @Max(64) @DefaultValue("2") int maxInFlight, @Valid @NotNull @DefaultValue ItemRetry itemRetry) {

    /**
     * @param maxAttempts    the most times one request's items are sent (the first time included) before the batch is
     *                       handed back for the listener container to retry
     * @param initialBackoff the backoff before the first resend; it doubles each time
     * @param maxBackoff     the longest backoff; each actual wait is a random value between half of it and all of it
     */
    public record ItemRetry(@Min(1) @Max(20) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("100ms") Duration initialBackoff,
            @NotNull @DefaultValue("2s") Duration maxBackoff) {

        @AssertTrue(message = "initial-backoff must be positive and at most max-backoff")
        boolean isBackoffOrdered() {
            return this.initialBackoff == null || this.maxBackoff == null
                    || !this.initialBackoff.isNegative() && !this.initialBackoff.isZero()
                            && this.initialBackoff.compareTo(this.maxBackoff) <= 0;
        }
    }

    /** The defaults, for tests and tools that build a writer without Spring. */
    public static BulkProperties defaults() {
        return new BulkProperties(500, DataSize.ofMegabytes(10), Duration.ofMinutes(1), 2,
                new ItemRetry(3, Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    /** @return these settings with other request limits */
    public BulkProperties withLimits(int actions, DataSize bytes) {
        return new BulkProperties(actions, bytes, this.timeout, this.maxInFlight, this.itemRetry);
    }

    /** @return these settings with another number of requests in flight */
    public BulkProperties withMaxInFlight(int inFlight) {
        return new BulkProperties(this.maxActions, this.maxBytes, this.timeout, inFlight, this.itemRetry);
    }

    /** @return these settings with another item retry */
    public BulkProperties withItemRetry(ItemRetry retry) {
        return new BulkProperties(this.maxActions, this.maxBytes, this.timeout, this.maxInFlight, retry);
    }
}
