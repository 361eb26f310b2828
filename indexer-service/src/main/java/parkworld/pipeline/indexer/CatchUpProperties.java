package parkworld.pipeline.indexer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the indexer lightens Elasticsearch's work while it catches up (a backfill, a replay, a new mapping version's
 * index filled from the start of the topic): once {@code minRecords} articles arrived without a pause, the index's
 * {@code refresh_interval} is set to {@code refreshInterval}; when the articles binding has been idle (no record for
 * its {@code idle-event-interval}), the shipped setting is restored and the index refreshed at once. Each refresh
 * writes a new Lucene segment of the {@code substrings} analysis' many terms, so fewer refreshes cost far less CPU
 * per article (benchmarks/README.md, "Elasticsearch's cost"). Only when searches see new articles changes: at most
 * {@code refreshInterval} late during the catch-up; nothing about durability (the translog is untouched).
 *
 * @param minRecords      articles indexed since the binding was last idle before the refresh is relaxed; 0 never
 *                        relaxes it
 * @param refreshInterval the index's {@code refresh_interval} while catching up: the longest an indexed article may
 *                        stay invisible to searches then, so bounded (never {@code -1})
 */
@Validated
@ConfigurationProperties("parkworld.indexer.catch-up")
public record CatchUpProperties(@Min(0) @DefaultValue("200") long minRecords,
        @NotNull @DefaultValue("30s") Duration refreshInterval) {

    @AssertTrue(message = "refresh-interval must be between 1s and 5m")
    boolean isRefreshIntervalBounded() {
        return this.refreshInterval == null || this.refreshInterval.compareTo(Duration.ofSeconds(1)) >= 0
                && this.refreshInterval.compareTo(Duration.ofMinutes(5)) <= 0;
    }
}
