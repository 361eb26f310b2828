package parkworld.pipeline.indexer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How a batch of articles is split into Elasticsearch bulk requests. A Kafka batch (at most {@code max.poll.records}
 * records) is sent as one bulk request unless it exceeds either limit, in which case it is split.
 *
 * @param maxActions the most documents in one bulk request
 * @param maxBytes   the most document bytes in one bulk request
 * @param timeout    how long Elasticsearch may wait for unavailable shards before failing the items of a request
 */
@Validated
@ConfigurationProperties("parkworld.indexer.bulk")
public record BulkProperties(@Min(1) @Max(10_000) @DefaultValue("500") int maxActions,
        @NotNull @DefaultValue("10MB") DataSize maxBytes, @NotNull @DefaultValue("1m") Duration timeout) {
}
