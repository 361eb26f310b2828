package parkworld.pipeline.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDiscoveryTests {

    @Test
    void listsThePdfsOfAFolderInNameOrderAndNothingElse(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("b.pdf"), "%PDF-");
        Files.writeString(folder.resolve("a.PDF"), "%PDF-");
        Files.writeString(folder.resolve("notes.txt"), "x");
        Files.createDirectories(folder.resolve("sub.pdf"));

        assertThat(new FolderDiscovery(folder).discover().links())
            .extracting(link -> Path.of(link.uri()).getFileName().toString())
            .containsExactly("a.PDF", "b.pdf");
    }

    @Test
    void aMissingFolderNamesTheSettingItCameFrom(@TempDir Path folder) {
        Path missing = folder.resolve("a,b");
        assertThatIOException().isThrownBy(() -> new FolderDiscovery(missing).discover())
            .withMessageContaining("a,b is neither a folder nor a file")
            .withMessageEndingWith("check parkworld.ingest.source.location");
        assertThatIOException()
            .isThrownBy(() -> new FolderDiscovery(missing, "parkworld.ingest.operator.backfill-folder").discover())
            .withMessageEndingWith("check parkworld.ingest.operator.backfill-folder");
    }
}
