package parkworld.pipeline.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * A stored blob as a readable local file; closing deletes it when it is a temporary copy.
 *
 * @param path      the file
 * @param temporary whether {@link #close()} deletes it
 */
public record BlobFile(Path path, boolean temporary) implements AutoCloseable {

    /** Deletes a temporary copy; a copy that cannot be deleted is logged, never a failure of the read. */
    @Override
    public void close() {
        if (this.temporary) {
            try {
                Files.deleteIfExists(this.path);
            }
            catch (IOException ex) {
                LoggerFactory.getLogger(BlobFile.class).warn("Temporary copy {} of a blob not deleted: {}", this.path,
                        ex.toString());
            }
        }
    }
}
