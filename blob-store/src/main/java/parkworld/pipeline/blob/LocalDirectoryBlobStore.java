package parkworld.pipeline.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A blob store in a local (or mounted shared) directory: {@code <sha256>.pdf} per document, copied to a temporary
 * file and moved into place so readers never see half a file. Readers are held to the directory: a URI whose real
 * path (symbolic links resolved) is outside it is refused.
 */
public final class LocalDirectoryBlobStore implements BlobStore {

    private final Path directory;

    /** Creates the directory if need be. */
    public LocalDirectoryBlobStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory.toAbsolutePath().normalize());
    }

    @Override
    public StoredBlob put(Path file, String sha256, long sizeBytes) throws IOException {
        Path target = this.directory.resolve(BlobNames.of(sha256));
        long actualSize = Files.size(file);
        if (actualSize != sizeBytes) {
            throw new IllegalArgumentException(file + " has " + actualSize + " bytes, not the " + sizeBytes + " announced");
        }
        if (!Files.exists(target) || Files.size(target) != sizeBytes) {
            Path temp = Files.createTempFile(this.directory, sha256, ".part");
            try {
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                move(temp, target);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        return new StoredBlob(target.toUri(), sha256, sizeBytes);
    }

    @Override
    public InputStream open(URI blob) throws IOException {
        Path path = locate(blob);
        try {
            return Files.newInputStream(path);
        }
        catch (NoSuchFileException ex) {
            throw missing(blob);
        }
    }

    @Override
    public BlobFile file(URI blob) throws IOException {
        Path path = locate(blob);
        if (!Files.isReadable(path)) {
            throw missing(blob);
        }
        return new BlobFile(path, false);
    }

    @Override
    public StoredBlob stat(URI blob) throws IOException {
        Path path = locate(blob);
        if (!Sha256.isBlobName(path.getFileName().toString()) || !Files.isRegularFile(path)
                || !Files.isReadable(path)) {
            throw missing(blob);
        }
        return new StoredBlob(path.toUri(), BlobNames.sha256(path.getFileName().toString()), Files.size(path));
    }

    @Override
    public List<StoredBlob> list() throws IOException {
        List<StoredBlob> blobs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Sha256.isBlobName(name) && Files.isRegularFile(file)) {
                    blobs.add(new StoredBlob(file.toUri(), BlobNames.sha256(name), Files.size(file)));
                }
            }
        }
        return blobs;
    }

    @Override
    public URI location() {
        return this.directory.toUri();
    }

    @Override
    public String toString() {
        return "LocalDirectoryBlobStore[" + this.directory + "]";
    }

    /** The file a URI names, refused unless it lies inside this store's directory. */
    private Path locate(URI blob) throws BlobUnavailableException {
        if (blob == null || !"file".equalsIgnoreCase(blob.getScheme())) {
            throw new BlobUnavailableException(BlobUnavailableException.Reason.OUTSIDE_STORE,
                    "blob " + blob + " is not a file: URI, so not in the blob store " + this.directory);
        }
        Path path;
        try {
            path = Path.of(blob).toAbsolutePath().normalize();
        }
        catch (IllegalArgumentException ex) {
            throw new BlobUnavailableException(BlobUnavailableException.Reason.MISSING,
                    "blob URI " + blob + " names no file: " + ex.getMessage());
        }
        if (!insideStore(path)) {
            throw new BlobUnavailableException(BlobUnavailableException.Reason.OUTSIDE_STORE,
                    "blob " + blob + " is outside the blob store " + this.directory);
        }
        return path;
    }

    private boolean insideStore(Path path) {
        try {
            // Real paths, so a symbolic link inside the store cannot lead outside it.
            Path real = Files.exists(path) ? path.toRealPath() : path;
            Path realStore = Files.exists(this.directory) ? this.directory.toRealPath() : this.directory;
            return real.startsWith(realStore) && !real.equals(realStore);
        }
        catch (IOException ex) {
            return false;
        }
    }

    private BlobUnavailableException missing(URI blob) {
        return new BlobUnavailableException(BlobUnavailableException.Reason.MISSING,
                "blob " + blob + " is not stored (or not readable) in the blob store " + this.directory);
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
