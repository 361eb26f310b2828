package parkworld.pipeline.indexer;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far in the future an event's {@code parsedAt} may lie. {@code parsedAt} is the external version of every
 * document of a parse and decides which parse of an issue wins, so an event stamped far ahead (a producer with a
 * wrong clock, a forged record) would pin its documents against every later real parse; such an event is refused
 * ({@code PARSED_AT_IN_FUTURE} dead letter) instead.
 *
 * @param maxClockSkew the most {@code parsedAt} may be ahead of this service's clock
 */
@Validated
@ConfigurationProperties("parkworld.indexer.freshness")
public record FreshnessProperties(@NotNull @DefaultValue("5m") Duration maxClockSkew) {
}
