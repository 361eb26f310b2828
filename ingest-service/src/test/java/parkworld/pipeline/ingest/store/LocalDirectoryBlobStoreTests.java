package parkworld.pipeline.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
