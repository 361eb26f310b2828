package parkworld.pipeline.indexer;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a batch that could not be indexed (Elasticsearch unreachable, overloaded, or the dead-letter topic unreachable)
 * is retried. There is deliberately no maximum number of attempts: the batch is retried until it succeeds and its
 * offsets are committed only then, so an outage delays indexing but never loses an article.
 *
 * @param initialInterval the wait before the first retry
 * @param multiplier      each wait is the previous one times this
 * @param maxInterval     the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("parkworld.indexer.retry")
public record RetryProperties(@NotNull @DefaultValue("1s") Duration initialInterval,
        @DecimalMin("1.0") @DefaultValue("2.0") double multiplier, @NotNull @DefaultValue("30s") Duration maxInterval) {
}
