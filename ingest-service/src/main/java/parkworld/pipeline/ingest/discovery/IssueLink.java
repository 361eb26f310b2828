package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.util.Locale;

/**
 * A PDF that looks like an issue, found at the source.
 *
 * @param uri      where to fetch it ({@code http(s):} or {@code file:})
 * @param issueKey stable key: the lowercase file name without {@code .pdf}
 */
public record IssueLink(URI uri, String issueKey) {

    public static IssueLink of(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String stem = name.toLowerCase(Locale.ROOT).replaceFirst("\\.pdf$", "");
        String key = stem.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("cannot derive an issue key from " + uri);
        }
        return new IssueLink(uri, key);
    }
}
