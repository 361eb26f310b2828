package parkworld.pipeline.messaging;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

/**
 * How every service retries a record that failed for a transient reason (Kafka or Elasticsearch unavailable,
 * timeouts): exponential backoff without a limit on attempts or time. The record is not committed meanwhile, so an
 * outage delays work but never loses it; a failure that can never succeed is dead-lettered at once instead (see
 * {@link TransientFailures}).
 *
 * @param initialInterval the wait before the first retry
 * @param multiplier      each wait is the previous one times this
 * @param maxInterval     the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("parkworld.retry")
public record RetryPolicyProperties(@NotNull @DefaultValue("1s") Duration initialInterval,
        @DecimalMin("1.0") @DefaultValue("2.0") double multiplier, @NotNull @DefaultValue("60s") Duration maxInterval) {

    /** @return a backoff that never gives up */
    public BackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(this.initialInterval.toMillis(), this.multiplier);
        backOff.setMaxInterval(this.maxInterval.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }
}
