package parkworld.pipeline.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * How an issue key is derived, so the ingest-service and the parser's command line name the same file alike: the
 * lowercase file name without {@code .pdf}, each run of other characters than {@code a-z0-9._-} made {@code -}, trimmed to start and end with a letter or digit.
 */
public final class IssueKeys {

    private IssueKeys() {
    }

    /** The key of a file name, empty when the name has nothing usable (e.g. only CJK characters). */
    public static Optional<String> fromFileName(String fileName) {
        String stem = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.pdf$", "");
        String key = stem.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /**
     * The key of an issue whose serial is known before its file is read, e.g. from a listing page's
     * {@code 总153期}: {@code issue-153}, the same key as the file {@code issue-153.pdf} gets.
     */
    public static String fromSerial(long serial) {
        if (serial < 1) {
            throw new IllegalArgumentException("an issue serial is positive: " + serial);
        }
        return "issue-" + serial;
    }

    /** The fallback key: {@code issue-} and the first 12 hex digits of a SHA-256. */
    public static String fromHash(String sha256) {
        return "issue-" + sha256.substring(0, 12);
    }
}
