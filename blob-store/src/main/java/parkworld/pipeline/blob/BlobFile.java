package parkworld.pipeline.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored blob as a readable local file; closing deletes it when it is a temporary copy.
 *
 * @param path      the file
 * @param temporary whether {@link #close()} deletes it
 */
public record BlobFile(Path path, boolean temporary) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        if (this.temporary) {
            Files.deleteIfExists(this.path);
        }
    }
}
