package parkworld.pipeline.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void doublesUpToTheMaximumAndTakesBetweenHalfAndAllOfIt() {
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999_999);

        assertThat(lowest.before(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(highest.before(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(highest.before(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(highest.before(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(highest.before(5)).as("capped").isEqualTo(Duration.ofSeconds(1));
        assertThat(highest.before(60)).as("no overflow").isEqualTo(Duration.ofSeconds(1));
        assertThat(lowest.before(60)).isEqualTo(Duration.ofMillis(500));
    }
}
