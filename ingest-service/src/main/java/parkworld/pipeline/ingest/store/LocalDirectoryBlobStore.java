package parkworld.pipeline.ingest.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import parkworld.pipeline.contract.Sha256;

/**
 * A blob store in a local (or mounted shared) directory: {@code <sha256>.pdf} per document, written to a temporary
 * file and moved into place so readers never see half a file, plus an empty {@code <sha256>.published} marker once
 * the document was announced.
 */
public final class LocalDirectoryBlobStore implements BlobStore {

    private final Path directory;

    public LocalDirectoryBlobStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory.toAbsolutePath().normalize());
    }

    @Override
    public StoredBlob put(byte[] content) throws IOException {
        String sha256 = Sha256.hex(content);
        Path target = this.directory.resolve(sha256 + ".pdf");
        if (!Files.exists(target) || Files.size(target) != content.length) {
            Path temp = Files.createTempFile(this.directory, sha256, ".part");
            try {
                Files.write(temp, content);
                move(temp, target);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        return new StoredBlob(target.toUri(), sha256, content.length);
    }

    @Override
    public StoredBlob put(Path file, String sha256, long sizeBytes) throws IOException {
        marker(sha256);
        if (Files.size(file) != sizeBytes) {
            throw new IOException(file + " has " + Files.size(file) + " bytes, not the " + sizeBytes + " announced");
        }
        Path target = this.directory.resolve(sha256 + ".pdf");
        if (!Files.exists(target) || Files.size(target) != sizeBytes) {
            try {
                // On the same file system a rename: readers see the whole file or none.
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                // Another file system: copied next to the target first, then renamed into place.
                Path temp = Files.createTempFile(this.directory, sha256, ".part");
                try {
                    Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                    move(temp, target);
                }
                finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
        return new StoredBlob(target.toUri(), sha256, sizeBytes);
    }

    @Override
    public boolean isPublished(String sha256) {
        return Files.exists(marker(sha256));
    }

    @Override
    public void markPublished(String sha256) throws IOException {
        Path marker = marker(sha256);
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
    }

    private Path marker(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return this.directory.resolve(sha256 + ".published");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
