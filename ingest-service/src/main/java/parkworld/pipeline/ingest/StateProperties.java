package parkworld.pipeline.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * ingest's durable state on the compacted topic {@code parkworld.topics.ingest-state} (ingest-service/STATE.md).
 *
 * @param transactionalId   the Kafka {@code transactional.id} of every run, the same in all replicas of one
 *                          deployment: a run starting fences any other replica's run, so an issue is announced once
 *                          however many replicas run. Two deployments sharing a Kafka cluster need different ones
 * @param maxAttempts       failed or rejected attempts in a row after which a candidate is permanently failed and no
 *                          longer tried
 * @param readTimeout       how long reading the state topic (and taking over the transactional id) may take at the
 *                          start of a run
 * @param keepRuns          how many run summaries the state keeps for the status view
 * @param replicationFactor replication factor of the state topic when the service creates it; -1 = broker default
 */
@Validated
@ConfigurationProperties("parkworld.ingest.state")
public record StateProperties(@NotBlank @DefaultValue("parkworld-ingest") String transactionalId,
        @Min(1) @Max(100) @DefaultValue("5") int maxAttempts, @DefaultValue("60s") Duration readTimeout,
        @Min(1) @Max(200) @DefaultValue("20") int keepRuns, @DefaultValue("-1") short replicationFactor) {
}
