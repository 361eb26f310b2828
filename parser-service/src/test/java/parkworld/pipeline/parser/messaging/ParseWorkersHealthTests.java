package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import parkworld.pipeline.parser.pipeline.ParseWorkers;

class ParseWorkersHealthTests {

    private final ParseWorkers workers = new ParseWorkers(2, Clock.systemUTC());
    private final ParseWorkersHealth health = new ParseWorkersHealth(this.workers);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        this.release.countDown();
        this.workers.close();
    }

    @Test
    void isUpWhileParsesRunWithinTheirTimeLimit() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        this.workers.start("issue-1", () -> {
            started.countDown();
            return this.release.await(10, TimeUnit.SECONDS);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(this.health.health().getDetails()).containsEntry("threads", 2).containsEntry("busy", 1);
    }

    @Test
    void isOutOfServiceWhileAnAbandonedParseStillRunsAndUpOnceItEnded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ParseWorkers.Parse<Boolean> parse = this.workers.start("issue-9", () -> {
            started.countDown();
            while (true) {
                try {
                    return this.release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ignored) {
                    // a parse deaf to its interrupt
                }
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        parse.abandon();

        assertThat(this.health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(this.health.health().getDetails()).hasEntrySatisfying("abandoned",
                abandoned -> assertThat(abandoned.toString()).contains("issue-9"));
        this.release.countDown();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
            .until(() -> this.health.health().getStatus().equals(Status.UP));
    }
}
