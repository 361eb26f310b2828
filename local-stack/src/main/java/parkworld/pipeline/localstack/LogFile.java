package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The log file a child process writes to: created, annotated by us, searched and tailed while it grows. */
final class LogFile {

    private static final int MAX_TAIL_BYTES = 64 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LogFile() {
    }

    /** A new, uniquely named file such as {@code kafka-20260101-120000-123.log} in {@code directory}. */
    static Path createIn(Path directory, String prefix) {
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, prefix + "-" + LocalDateTime.now().format(STAMP) + "-", ".log");
            // Temp files start private; a log is for whoever investigates.
            file.toFile().setReadable(true, false);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a log file in " + directory, e);
        }
    }

    /** Empties (or creates) the file and writes a first line saying what is about to run. */
    static void begin(Path logFile, String line) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "[local-stack] " + line + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write log file " + logFile, e);
        }
    }

    static void note(Path logFile, String line) {
        try {
            Files.writeString(logFile, "[local-stack] " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[local-stack] " + line);
        }
    }

    static long size(Path logFile) {
        try {
            return Files.size(logFile);
        } catch (IOException e) {
            return 0;
        }
    }

    static String tail(Path logFile, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, MAX_TAIL_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Whether the file, from byte {@code offset} on, contains {@code text}. */
    static boolean contains(Path logFile, long offset, String text) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, Integer.MAX_VALUE - 8)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
