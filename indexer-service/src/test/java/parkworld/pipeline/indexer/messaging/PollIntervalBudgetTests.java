package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import parkworld.pipeline.indexer.BulkProperties;

class PollIntervalBudgetTests {

    @Test
    void theShippedDefaultsStayWithinTheDefaultMaxPollInterval() {
        // 500 records, one request of 500: 3 attempts of at most 60 s, 2 backoffs of at most 2 s, then 60 s backoff.
        assertThat(PollIntervalBudget.longestGap(500, BulkProperties.defaults(), Duration.ofSeconds(60),
                Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(244));
        assertThatCode(() -> PollIntervalBudget.check(500, Duration.ofMinutes(5), BulkProperties.defaults(),
                Duration.ofSeconds(60), Duration.ofSeconds(60))).doesNotThrowAnyException();
    }

    @Test
    void countsOneWaveOfRequestsPerMaxInFlight() {
        BulkProperties small = BulkProperties.defaults().withLimits(100, DataSize.ofMegabytes(10)).withMaxInFlight(2);

        // 500 records = 5 requests = 3 waves of 2 in flight.
        assertThat(PollIntervalBudget.longestGap(500, small, Duration.ofSeconds(10), Duration.ZERO))
            .isEqualTo(Duration.ofSeconds(3 * (3 * 10 + 2 * 2)));
    }

    @Test
    void refusesSettingsUnderWhichAHangingElasticsearchWouldCostThePartitions() {
        assertThatThrownBy(() -> PollIntervalBudget.check(500, Duration.ofSeconds(30), BulkProperties.defaults(),
                Duration.ofSeconds(60), Duration.ofSeconds(60)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("max.poll.interval.ms (30000 ms)")
            .hasMessageContaining("parkworld.elasticsearch.socket-timeout");
    }
}
