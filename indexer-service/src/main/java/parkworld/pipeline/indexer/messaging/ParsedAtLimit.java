package parkworld.pipeline.indexer.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The latest {@code parsedAt} the indexer accepts: now plus the allowed clock skew. {@code parsedAt} is the external
 * version of a parse's documents, so an event stamped further ahead would win over every real parse until that time
 * (see {@code FreshnessProperties}).
 */
final class ParsedAtLimit {

    private final Clock clock;
    private final Duration maxClockSkew;

    /**
     * @param clock        this service's clock
     * @param maxClockSkew how far ahead of it {@code parsedAt} may be
     */
    ParsedAtLimit(Clock clock, Duration maxClockSkew) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * @param parsedAt an event's {@code parsedAt}
     * @return why it is refused, or null when it is acceptable
     */
    String refusal(Instant parsedAt) {
        Instant limit = this.clock.instant().plus(this.maxClockSkew);
        if (!parsedAt.isAfter(limit)) {
            return null;
        }
        return "parsedAt " + parsedAt + " is " + Duration.between(this.clock.instant(), parsedAt).toSeconds()
                + " s ahead of the indexer's clock, more than parkworld.indexer.freshness.max-clock-skew ("
                + this.maxClockSkew + ") allows";
    }
}
