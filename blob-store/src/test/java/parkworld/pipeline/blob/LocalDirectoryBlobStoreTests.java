package parkworld.pipeline.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStoreTests extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore store() throws IOException {
        return new LocalDirectoryBlobStore(this.root.resolve("blobs"));
    }

    @Override
    URI uriOfTheSameSchemeOutsideTheStore() {
        return this.root.resolve("elsewhere").resolve(Sha256.hex(new byte[0]) + ".pdf").toUri();
    }

    @Test
    void refusesASymbolicLinkInsideTheStoreThatLeadsOutOfIt() throws IOException {
        BlobStore store = store();
        Path secret = Files.writeString(this.root.resolve("secret.txt"), "not a blob");
        Path link = Files.createSymbolicLink(this.root.resolve("blobs").resolve(Sha256.hex(new byte[0]) + ".pdf"),
                secret);

        assertUnavailable(store, link.toUri(), BlobUnavailableException.Reason.OUTSIDE_STORE);
    }

    @Test
    void listsOnlyBlobsNotOtherFilesOfTheDirectory() throws IOException {
        BlobStore store = store();
        StoredBlob blob = put(store, pdf("only"));
        Files.writeString(this.root.resolve("blobs").resolve("notes.txt"), "x");
        Files.writeString(this.root.resolve("blobs").resolve(blob.sha256() + ".published"), "");

        assertThat(store.list()).containsExactly(blob);
    }

    @Test
    void handsOutItsOwnFileRatherThanACopy() throws IOException {
        BlobStore store = store();
        StoredBlob blob = put(store, pdf("own"));

        try (BlobFile file = store.file(blob.uri())) {
            assertThat(file.temporary()).isFalse();
            assertThat(file.path()).isEqualTo(Path.of(blob.uri()));
        }
        assertThat(Path.of(blob.uri())).exists();
    }
}
