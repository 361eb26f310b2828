package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One run per checkout: an exclusive lock on a file next to {@code target/local-run/}, held for the run's lifetime.
 * A second run would otherwise delete the first one's Kafka data and logs under it (a run given {@code --kafka}
 * starts empty), killing the first run's Kafka. The lock file names the holder's pid; the operating system releases
 * the lock when the holder exits, however it ends (kill -9 included), so a stale file never blocks a later run.
 */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Refused because another run holds the lock. */
    static final class HeldElsewhere extends RuntimeException {

        HeldElsewhere(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock, writing this process's pid into {@code lockFile}.
     *
     * @throws HeldElsewhere naming the other run's pid, when another run (of this or another JVM) holds it
     */
    static RunLock acquire(Path lockFile) {
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException ex) {
                // Held by this very JVM (another RunLock not yet closed).
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel).map(pid -> "pid " + pid).orElse("another process");
                channel.close();
                // local-run.lock guards local-run/: name that.
                throw new HeldElsewhere("another run (" + holder + ") is using "
                        + lockFile.toString().replaceFirst("\\.lock$", "")
                        + "; stop it first (Ctrl-C), or run from another checkout. Starting here would delete its"
                        + " Kafka data and logs.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new RunLock(channel, lock);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot lock " + lockFile, ex);
        }
    }

    private static Optional<String> holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return text.matches("\\d+") ? Optional.of(text) : Optional.empty();
    }

    @Override
    public void close() {
        try {
            this.lock.release();
            this.channel.close();
        }
        catch (IOException ex) {
            // The lock goes with the process anyway.
        }
    }
}
