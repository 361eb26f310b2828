package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTests {

    @TempDir
    Path target;

    @Test
    void aJarThatCannotBeExtractedIsStartedAsItIsAndTheReasonIsLogged() throws IOException {
        Path jar = Files.writeString(this.target.resolve("parser-service.jar"), "not a jar");
        Path log = this.target.resolve("training.log");
        ClassDataSharing cds = ClassDataSharing.of(jar);

        assertThat(cds.prepare(List.of("-Xmx64m"), List.of(), Map.of(), 0, log)).isFalse();
        assertThat(cds.isReady()).isFalse();
        assertThat(Files.readString(log)).contains("extraction failed: starting from the jar itself");
    }

    @Test
    void theArchiveSitsNextToTheJarAndIsNotReadyBeforeItWasMade() throws IOException {
        Path jar = Files.writeString(this.target.resolve("indexer-service.jar"), "jar");
        ClassDataSharing cds = ClassDataSharing.of(jar);

        assertThat(cds.archive()).isEqualTo(this.target.resolve("cds").resolve("indexer-service.jsa"));
        assertThat(cds.extractedJar()).isEqualTo(this.target.resolve("cds").resolve("indexer-service.jar"));
        Files.createDirectories(cds.archive().getParent());
        Files.writeString(cds.archive(), "archive");
        Files.writeString(cds.extractedJar(), "extracted");
        assertThat(cds.isReady()).as("without a record of the jar it was made from").isFalse();
    }
}
