package parkworld.pipeline.testsupport;

import java.net.URI;

/**
 * A real S3-compatible server for tests (path-style addressing; any credentials are accepted).
 *
 * @param endpoint the URL to override an S3 client's endpoint with, e.g. {@code http://127.0.0.1:40123}
 * @param bucket   a bucket that exists on it
 */
public record S3Endpoint(URI endpoint, String bucket) {
}
