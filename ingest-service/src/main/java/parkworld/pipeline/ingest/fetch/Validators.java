package parkworld.pipeline.ingest.fetch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the crawler knows of a document it fetched before, for a conditional GET: sent as {@code If-None-Match} and
 * {@code If-Modified-Since}, so an unchanged document costs a 304 instead of a download.
 *
 * @param etag         the {@code ETag} the server sent, or null
 * @param lastModified the {@code Last-Modified} the server sent, or null
 */
public record Validators(String etag, String lastModified) {

    private static final Validators NONE = new Validators(null, null);

    public static Validators none() {
        return NONE;
    }

    public boolean isEmpty() {
        return blank(this.etag) && blank(this.lastModified);
    }

    Map<String, String> requestHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!blank(this.etag)) {
            headers.put("If-None-Match", this.etag);
        }
        if (!blank(this.lastModified)) {
            headers.put("If-Modified-Since", this.lastModified);
        }
        return headers;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
