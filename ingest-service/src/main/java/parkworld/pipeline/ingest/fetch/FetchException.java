package parkworld.pipeline.ingest.fetch;

import java.net.URI;

/** A document could not be fetched; {@link #reason()} is a low-cardinality code for metrics and logs. */
public class FetchException extends Exception {

    private final String reason;

    public FetchException(URI uri, String reason, String detail) {
        super(uri + ": " + detail);
        this.reason = reason;
    }

    public FetchException(URI uri, String reason, String detail, Throwable cause) {
        super(uri + ": " + detail, cause);
        this.reason = reason;
    }

    public String reason() {
        return this.reason;
    }
}
