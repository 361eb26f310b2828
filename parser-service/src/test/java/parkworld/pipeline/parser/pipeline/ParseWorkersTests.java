package parkworld.pipeline.parser.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParseWorkersTests {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    private final ParseWorkers workers = new ParseWorkers(2, Clock.fixed(NOW, ZoneOffset.UTC));

    /** Released by the test: until then the "parses" below ignore every interrupt, as a hang in native code would. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        this.release.countDown();
        this.workers.close();
    }

    /** A parse that has started (a parse abandoned before it started never runs) and ignores interrupts. */
    private ParseWorkers.Parse<String> stubbornParse(String issueKey) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        ParseWorkers.Parse<String> parse = this.workers.start(issueKey, () -> {
            started.countDown();
            while (true) {
                try {
                    if (this.release.await(10, TimeUnit.SECONDS)) {
                        return issueKey;
                    }
                }
                catch (InterruptedException ignored) {
                    // ignores its interrupt: keeps its thread
                }
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).as("parse started").isTrue();
        return parse;
    }

    @Test
    void recordsAnAbandonedParseUntilItReallyEnds() throws Exception {
        ParseWorkers.Parse<String> parse = stubbornParse("issue-7");

        parse.abandon();

        assertThat(this.workers.abandonedStillRunning()).containsExactly(new ParseWorkers.Abandoned("issue-7", NOW));
        assertThat(this.workers.busy()).isEqualTo(1);
        this.release.countDown();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
            .until(() -> this.workers.abandonedStillRunning().isEmpty() && this.workers.busy() == 0);
    }

    @Test
    void refusesWorkWhileEveryThreadIsHeldInsteadOfQueueingIt() throws Exception {
        stubbornParse("issue-1").abandon();
        stubbornParse("issue-2").abandon();

        assertThatThrownBy(() -> this.workers.start("issue-3", () -> "parsed"))
            .isInstanceOf(ParseWorkers.AllThreadsBusy.class)
            .hasMessageContaining("all 2 parse threads are busy").hasMessageContaining("parkworld.parser.parse-threads");
        this.release.countDown();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> this.workers.busy() == 0);
        assertThat(this.workers.start("issue-3", () -> "parsed")).succeedsWithin(Duration.ofSeconds(5))
            .isEqualTo("parsed");
    }

    @Test
    void forgetsAParseAbandonedJustAfterItEnded() throws Exception {
        ParseWorkers.Parse<String> parse = this.workers.start("issue-1", () -> "parsed");
        assertThat(parse.get(5, TimeUnit.SECONDS)).isEqualTo("parsed");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> this.workers.busy() == 0);

        parse.abandon();

        assertThat(this.workers.abandonedStillRunning()).isEmpty();
    }

    @Test
    void runsParsesOnDaemonThreads() throws Exception {
        ParseWorkers.Parse<Boolean> parse = this.workers.start("issue-1", () -> Thread.currentThread().isDaemon());

        assertThat(parse.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
