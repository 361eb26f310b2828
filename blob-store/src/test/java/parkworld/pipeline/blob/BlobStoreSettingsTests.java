package parkworld.pipeline.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobStoreSettingsTests {

    @TempDir
    Path root;

    @Test
    void aFileLocationOpensADirectoryStore() throws IOException {
        BlobStore store = new BlobStoreSettings(this.root.resolve("blobs").toUri(), null, null, false).open();

        assertThat(store).isInstanceOf(LocalDirectoryBlobStore.class);
        assertThat(store.location()).isEqualTo(this.root.resolve("blobs").toUri());
    }

    @Test
    void aRelativeFileLocationIsRelativeToTheWorkingDirectory() {
        assertThat(new BlobStoreSettings(URI.create("file:data/blobs"), null, null, false).directoryPath())
            .isEqualTo(Path.of("data/blobs"));
        assertThat(new BlobStoreSettings(URI.create("data/blobs"), null, null, false).directoryPath())
            .isEqualTo(Path.of("data/blobs"));
    }

    @Test
    void anS3LocationIsAnS3Store() {
        assertThat(new BlobStoreSettings(URI.create("s3://parkworld-blobs/issues/"), null, "eu-west-1", false).scheme())
            .isEqualTo("s3");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.org/blobs", "ftp://host/blobs" })
    void refusesALocationOfAnotherScheme(String location) {
        assertThatThrownBy(() -> new BlobStoreSettings(URI.create(location), null, null, false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("use file:PATH (or a plain path) or s3://BUCKET/PREFIX");
    }

    @ParameterizedTest
    @ValueSource(strings = { "s3:///prefix/", "s3://UPPER/x/", "s3://b/" })
    void refusesAnS3LocationWithoutAValidBucket(String location) {
        assertThatThrownBy(() -> new BlobStoreSettings(URI.create(location), null, null, false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("names no valid bucket");
    }
}
