package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import parkworld.pipeline.contract.IssueKeys;
import parkworld.pipeline.contract.Sha256;

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
        String key = IssueKeys.fromFileName(name).orElseGet(() -> IssueKeys.fromHash(Sha256.hex(uri.toString().getBytes(StandardCharsets.UTF_8))));
        return new IssueLink(uri, key);
    }

}
