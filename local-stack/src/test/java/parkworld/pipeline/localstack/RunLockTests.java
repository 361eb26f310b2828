package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTests {

    @TempDir
    Path directory;

    @Test
    void aSecondRunIsRefusedNamingThePidOfTheFirst() {
        Path lockFile = this.directory.resolve("local-run.lock");
        try (RunLock first = RunLock.acquire(lockFile)) {
            assertThatThrownBy(() -> RunLock.acquire(lockFile))
                .isInstanceOf(RunLock.HeldElsewhere.class)
                .hasMessageContaining("another run (pid " + ProcessHandle.current().pid() + ")")
                .hasMessageContaining("is using " + this.directory.resolve("local-run") + ";");
        }
    }

    @Test
    void theLockFileNamesItsHolderAndIsFreeAgainOnceClosed() throws Exception {
        Path lockFile = this.directory.resolve("local-run.lock");
        Files.writeString(lockFile, "123456789012\nleft by a run that was killed\n");
        RunLock.acquire(lockFile).close();
        try (RunLock again = RunLock.acquire(lockFile)) {
            assertThat(Files.readString(lockFile)).isEqualTo(ProcessHandle.current().pid() + "\n");
        }
    }
}
