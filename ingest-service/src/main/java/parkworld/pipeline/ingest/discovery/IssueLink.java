package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import parkworld.pipeline.contract.IssueKeys;

/**
 * A PDF that looks like an issue, found at the source.
 *
 * @param uri      where to fetch it ({@code http(s):} or {@code file:})
 * @param issueKey stable key, see {@link IssueKeys}: the lowercase file name without {@code .pdf}
 */
public record IssueLink(URI uri, String issueKey) {

    public static IssueLink of(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String key = IssueKeys.fromFileName(name).orElseGet(() -> IssueKeys.fromHash(sha256(uri.toString())));
        return new IssueLink(uri, key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
