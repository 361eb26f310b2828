package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import parkworld.pipeline.contract.IssueKeys;
import parkworld.pipeline.contract.Sha256;

/**
 * A document that looks like an issue, found at the source.
 *
 * @param uri      where to fetch it ({@code http(s):} or {@code file:})
 * @param issueKey stable key, see {@link IssueKeys}: from the serial the listing names ({@code 总153期} gives
 *                 {@code issue-153}), else the lowercase file name without {@code .pdf}
 */
public record IssueLink(URI uri, String issueKey) {

    /** A link whose key comes from its file name. */
    public static IssueLink of(URI uri) {
        return of(uri, OptionalLong.empty());
    }

    /**
     * @param serial the issue's serial, when the listing names it
     */
    public static IssueLink of(URI uri, OptionalLong serial) {
        if (serial.isPresent()) {
            return new IssueLink(uri, IssueKeys.fromSerial(serial.getAsLong()));
        }
        return new IssueLink(uri, fromFileName(uri));
    }

    /**
     * The file name's key; a download endpoint ({@code /download.php?id=153}) has the same file name for every issue,
     * so a URI with a query is keyed by its hash instead.
     */
    private static String fromFileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String hashKey = IssueKeys.fromHash(Sha256.hex(uri.toString().getBytes(StandardCharsets.UTF_8)));
        return uri.getQuery() != null ? hashKey : IssueKeys.fromFileName(name).orElse(hashKey);
    }
}
