package parkworld.pipeline.indexer.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.ResponseException;

/** Tells a failure worth retrying (the cluster's state) from one that will happen again (the request's content). */
public final class ElasticsearchFailures {

    private ElasticsearchFailures() {
    }

    /**
     * Whether an HTTP status from Elasticsearch means "try again later": 408 timeout, 429 too many requests, any 5xx,
     * and the authentication and authorization errors a fixed configuration or credentials rotation will cure.
     *
     * @param status the HTTP status of a response or bulk item
     * @return true when retrying the same request may succeed
     */
    public static boolean isRetryableStatus(int status) {
        return status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
    }

    /**
     * Whether a failure of a client call may go away by itself. I/O errors (connection refused, timeouts) and
     * retryable statuses may; other error responses (400 for an invalid request) will not.
     *
     * @param failure what the client threw
     * @return true when retrying the call may succeed
     */
    public static boolean isRetryable(Exception failure) {
        if (failure instanceof ElasticsearchException es) {
            return isRetryableStatus(es.status());
        }
        if (failure instanceof TransportException transport) {
            return transport.statusCode() <= 0 || isRetryableStatus(transport.statusCode());
        }
        return failure instanceof IOException || failure instanceof ElasticsearchUnavailableException;
    }

    /**
     * A one-line description of a client failure for logs and exception messages.
     *
     * @param failure what the client threw
     * @return e.g. {@code 429 es_rejected_execution_exception: rejected execution} or {@code ConnectException:
     *         Connection refused}
     */
    public static String describe(Throwable failure) {
        if (failure instanceof ElasticsearchException es && es.error() != null) {
            return es.status() + " " + es.error().type() + ": " + es.error().reason();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /**
     * A short, low-cardinality reason for a metric tag.
     *
     * @param failure what the client threw
     * @return e.g. {@code 429 circuit_breaking_exception}, {@code 503}, {@code SocketTimeoutException}
     */
    public static String reasonOf(Throwable failure) {
        Throwable root = failure;
        for (Throwable current = failure; current != null; current = current.getCause() == current ? null
                : current.getCause()) {
            if (current instanceof ElasticsearchException es) {
                return es.status() + (es.error() != null && es.error().type() != null ? " " + es.error().type() : "");
            }
            if (current instanceof ResponseException response) {
                int status = response.getResponse().getStatusLine().getStatusCode();
                String type = errorType(response);
                return status + (type != null ? " " + type : "");
            }
            if (current instanceof TransportException transport && transport.statusCode() > 0
                    && !(transport.getCause() instanceof ResponseException)) {
                return String.valueOf(transport.statusCode());
            }
            root = current;
        }
        return root.getClass().getSimpleName();
    }

    private static final Pattern ERROR_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z_]+)\"");

    /** The error type of an Elasticsearch error body, e.g. {@code circuit_breaking_exception}; null when none. */
    private static String errorType(ResponseException response) {
        try {
            if (response.getResponse().getEntity() == null) {
                return null;
            }
            Matcher type = ERROR_TYPE.matcher(EntityUtils.toString(response.getResponse().getEntity()));
            return type.find() ? type.group(1) : null;
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }
}
