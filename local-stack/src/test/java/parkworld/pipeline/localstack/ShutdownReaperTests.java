package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShutdownReaperTests {

    @Test
    void closesNewestFirstSoServicesStopBeforeWhatTheyUse() {
        List<String> closed = new CopyOnWriteArrayList<>();
        ShutdownReaper.register(() -> closed.add("kafka"));
        ShutdownReaper.register(() -> closed.add("elasticsearch"));
        ShutdownReaper.register(() -> closed.add("services"));

        ShutdownReaper.closeAll();

        assertThat(closed).containsExactly("services", "elasticsearch", "kafka");
    }

    @Test
    void closesEachOnlyOnce() {
        List<String> closed = new CopyOnWriteArrayList<>();
        ShutdownReaper.register(() -> closed.add("once"));

        ShutdownReaper.closeAll();
        ShutdownReaper.closeAll();

        assertThat(closed).containsExactly("once");
    }

    @Test
    void whatItClosesSeesThatClosingBegan() {
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        ShutdownReaper.register(() -> seen.add(ShutdownReaper.isClosing()));

        ShutdownReaper.closeAll();

        assertThat(seen).containsExactly(true);
    }

    @Test
    void workDirectoryIsDeletedAtExitUntilHandedOver() {
        WorkDirectory abandoned = WorkDirectory.create("parkworld-reaper-test-");
        WorkDirectory handedOver = WorkDirectory.create("parkworld-reaper-test-");
        handedOver.handOver();

        ShutdownReaper.closeAll();

        assertThat(abandoned.path()).doesNotExist();
        assertThat(handedOver.path()).exists();
        Directories.deleteQuietly(handedOver.path());
    }
}
