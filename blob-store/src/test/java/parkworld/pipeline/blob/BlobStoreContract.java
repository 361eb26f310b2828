package parkworld.pipeline.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every blob store does, whichever its implementation: each implementation's test extends this. */
abstract class BlobStoreContract {

    @TempDir
    Path callerFiles;

    /** A store of its own for each test, empty at first. */
    abstract BlobStore store() throws IOException;

    /** A URI of the store's scheme that is not in it (another directory, bucket or prefix). */
    abstract URI uriOfTheSameSchemeOutsideTheStore();

    @Test
    void readsBackWhatWasPutUnderItsSha256() throws IOException {
        BlobStore store = store();
        byte[] content = pdf("one");
        StoredBlob blob = put(store, content);

        assertThat(blob.sha256()).isEqualTo(Sha256.hex(content));
        assertThat(blob.sizeBytes()).isEqualTo(content.length);
        assertThat(blob.uri().getScheme()).isEqualTo(store.location().getScheme());
        assertThat(blob.uri().toString()).endsWith(blob.sha256() + ".pdf");
        try (InputStream in = store.open(blob.uri())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (BlobFile file = store.file(blob.uri())) {
            assertThat(Files.readAllBytes(file.path())).isEqualTo(content);
        }
    }

    @Test
    void statesAStoredBlobsSizeAndSha256WithoutReadingIt() throws IOException {
        BlobStore store = store();
        byte[] content = pdf("stat");
        StoredBlob blob = put(store, content);

        assertThat(store.stat(blob.uri())).isEqualTo(blob);
    }

    @Test
    void leavesTheCallersFileInPlace() throws IOException {
        BlobStore store = store();
        byte[] content = pdf("kept");
        Path file = Files.write(this.callerFiles.resolve("download.part"), content);

        store.put(file, Sha256.hex(content), content.length);

        assertThat(file).exists().hasBinaryContent(content);
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneBlob() throws IOException {
        BlobStore store = store();
        byte[] content = pdf("twice");
        StoredBlob first = put(store, content);
        StoredBlob second = put(store, content);

        assertThat(second).isEqualTo(first);
        assertThat(store.list()).containsExactly(first);
    }

    @Test
    void listsEveryStoredBlob() throws IOException {
        BlobStore store = store();
        StoredBlob a = put(store, pdf("a"));
        StoredBlob b = put(store, pdf("bb"));

        assertThat(store.list()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void refusesAFileWhoseSizeIsNotTheAnnouncedOne() throws IOException {
        BlobStore store = store();
        byte[] content = pdf("short");
        Path file = Files.write(this.callerFiles.resolve("short.part"), content);

        assertThatThrownBy(() -> store.put(file, Sha256.hex(content), content.length + 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not the " + (content.length + 1) + " announced");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void refusesANameThatIsNoSha256() throws IOException {
        BlobStore store = store();
        Path file = Files.write(this.callerFiles.resolve("x.part"), pdf("x"));

        assertThatThrownBy(() -> store.put(file, "../../etc/passwd", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAUriOfTheSameSchemeOutsideTheStore() throws IOException {
        BlobStore store = store();

        assertUnavailable(store, uriOfTheSameSchemeOutsideTheStore(), BlobUnavailableException.Reason.OUTSIDE_STORE);
    }

    @Test
    void refusesAUriOfAnotherScheme() throws IOException {
        BlobStore store = store();
        URI other = store.location().getScheme().equals("s3") ? URI.create("file:/etc/passwd")
                : URI.create("s3://bucket/" + Sha256.hex(new byte[0]) + ".pdf");

        assertUnavailable(store, other, BlobUnavailableException.Reason.OUTSIDE_STORE);
        assertUnavailable(store, URI.create("https://example.org/issue.pdf"),
                BlobUnavailableException.Reason.OUTSIDE_STORE);
    }

    @Test
    void refusesAPathThatClimbsOutOfTheStore() throws IOException {
        BlobStore store = store();
        URI climbing = URI.create(store.location() + "../" + Sha256.hex(new byte[0]) + ".pdf");

        assertUnavailable(store, climbing, BlobUnavailableException.Reason.OUTSIDE_STORE);
    }

    @Test
    void saysMissingForABlobOfTheStoreThatWasNeverPut() throws IOException {
        BlobStore store = store();
        URI never = URI.create(store.location() + Sha256.hex("never".getBytes(StandardCharsets.UTF_8)) + ".pdf");

        assertUnavailable(store, never, BlobUnavailableException.Reason.MISSING);
    }

    static void assertUnavailable(BlobStore store, URI uri, BlobUnavailableException.Reason reason) {
        assertThatThrownBy(() -> store.open(uri).close()).isInstanceOfSatisfying(BlobUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(reason));
        assertThatThrownBy(() -> store.file(uri).close()).isInstanceOfSatisfying(BlobUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(reason));
        assertThatThrownBy(() -> store.stat(uri)).isInstanceOfSatisfying(BlobUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(reason));
    }

    StoredBlob put(BlobStore store, byte[] content) throws IOException {
        Path file = Files.createTempFile(this.callerFiles, "download", ".part");
        Files.write(file, content);
        return store.put(file, Sha256.hex(content), content.length);
    }

    static byte[] pdf(String body) {
        return ("%PDF-1.4\n" + body + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
