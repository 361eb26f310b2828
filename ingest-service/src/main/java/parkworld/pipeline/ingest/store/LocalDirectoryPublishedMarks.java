package parkworld.pipeline.ingest.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Published marks as empty {@code <sha256>.published} files in a local directory of one ingest instance. */
public final class LocalDirectoryPublishedMarks implements PublishedMarks {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    /** Creates the directory if need be. */
    public LocalDirectoryPublishedMarks(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory.toAbsolutePath().normalize());
    }

    @Override
    public boolean isPublished(String sha256) {
        return Files.exists(marker(sha256));
    }

    @Override
    public void markPublished(String sha256) throws IOException {
        try {
            Files.createFile(marker(sha256));
        }
        catch (FileAlreadyExistsException ex) {
            // marked before: nothing to do
        }
    }

    private Path marker(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return this.directory.resolve(sha256 + ".published");
    }
}
