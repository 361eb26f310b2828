package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunWatchTests {

    @Test
    void namesEachDeadProcessWithItsLogAndNoLiveOne() {
        AtomicBoolean kafka = new AtomicBoolean(true);
        RunWatch watch = new RunWatch();
        watch.watch("Kafka", kafka::get, Path.of("logs", "kafka.log"));
        watch.watch("parser-service", () -> true, Path.of("logs", "parser-service.log"));

        assertThat(watch.stopped()).isEmpty();

        kafka.set(false);
        assertThat(watch.stopped()).containsExactly(
                "Kafka stopped unexpectedly; see " + Path.of("logs", "kafka.log"));
    }
}
