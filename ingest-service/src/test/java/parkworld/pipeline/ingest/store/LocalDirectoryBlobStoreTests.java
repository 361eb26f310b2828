package parkworld.pipeline.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.Sha256;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStoreTests {

    @TempDir
    Path directory;

    @Test
    void storesContentUnderItsSha256() throws Exception {
        LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(this.directory);

        StoredBlob blob = store.put("%PDF-1.7 hello".getBytes());

        assertThat(blob.sha256()).matches("[0-9a-f]{64}");
        assertThat(Path.of(blob.uri())).hasBinaryContent("%PDF-1.7 hello".getBytes())
            .hasFileName(blob.sha256() + ".pdf");
        assertThat(blob.sizeBytes()).isEqualTo(14);
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneFile() throws Exception {
        LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(this.directory);

        StoredBlob first = store.put(new byte[] { 1, 2, 3 });
        StoredBlob second = store.put(new byte[] { 1, 2, 3 });

        assertThat(second).isEqualTo(first);
        try (var files = Files.list(this.directory)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void remembersWhatWasPublishedAcrossInstances() throws Exception {
        StoredBlob blob = new LocalDirectoryBlobStore(this.directory).put(new byte[] { 9 });
        assertThat(new LocalDirectoryBlobStore(this.directory).isPublished(blob.sha256())).isFalse();

        new LocalDirectoryBlobStore(this.directory).markPublished(blob.sha256());

        assertThat(new LocalDirectoryBlobStore(this.directory).isPublished(blob.sha256())).isTrue();
    }

    @TempDir
    Path downloads;

    @Test
    void movesADownloadedFileIntoTheStore() throws Exception {
        byte[] content = "%PDF-1.7 downloaded".getBytes();
        Path download = Files.write(this.downloads.resolve("download-1.part"), content);

        StoredBlob blob = new LocalDirectoryBlobStore(this.directory).put(download, Sha256.hex(content), content.length);

        assertThat(Path.of(blob.uri())).hasBinaryContent(content).hasFileName(Sha256.hex(content) + ".pdf");
        assertThat(blob.sizeBytes()).isEqualTo(content.length);
        assertThat(download).as("moved, not copied").doesNotExist();
    }

    @Test
    void refusesAFileWhoseSizeIsNotTheOneAnnounced() throws Exception {
        Path download = Files.write(this.downloads.resolve("download-2.part"), new byte[] { 1, 2 });

        assertThatThrownBy(() -> new LocalDirectoryBlobStore(this.directory).put(download, "ab".repeat(32), 3))
            .isInstanceOf(java.io.IOException.class);
        try (var files = Files.list(this.directory)) {
            assertThat(files).isEmpty();
        }
    }
}
