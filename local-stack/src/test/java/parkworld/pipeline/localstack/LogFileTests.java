package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTests {

    @TempDir
    Path directory;

    @Test
    void tailsTheLastLines() throws IOException {
        Path log = directory.resolve("a.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");

        assertThat(LogFile.tail(log, 2)).isEqualTo("three" + System.lineSeparator() + "four");
    }

    @Test
    void findsTextOnlyAfterTheGivenOffset() throws IOException {
        Path log = directory.resolve("b.log");
        Files.writeString(log, "started\nformatting\n");

        assertThat(LogFile.contains(log, 0, "started")).isTrue();
        assertThat(LogFile.contains(log, "started\n".length(), "started")).isFalse();
    }

    @Test
    void startsAfreshThenAppendsNotes() throws IOException {
        Path log = directory.resolve("c.log");
        Files.writeString(log, "previous run\n");

        LogFile.begin(log, "starting");
        LogFile.note(log, "ready");

        assertThat(Files.readAllLines(log)).containsExactly("[local-stack] starting", "[local-stack] ready");
    }

    @Test
    void reportsAnUnreadableLogInsteadOfFailing() {
        assertThat(LogFile.tail(directory.resolve("missing.log"), 5)).startsWith("(cannot read");
    }
}
