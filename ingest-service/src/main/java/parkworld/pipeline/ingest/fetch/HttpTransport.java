package parkworld.pipeline.ingest.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP GET at a time, on Apache HttpClient: no redirects followed (the caller checks each hop), no retries, no
 * cookies, no content decoding (so the bytes counted are the bytes received), the connection made to the addresses
 * the {@link AddressGuard} checked, a connect and a read timeout, and a deadline for the whole exchange after which
 * the connection is aborted, whatever the server is still sending.
 */
final class HttpTransport implements AutoCloseable {

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    /**
     * @param readTimeout how long the server may stay silent: while connecting, before the headers, between reads
     */
    HttpTransport(AddressGuard guard, Duration readTimeout, String userAgent) {
        Timeout timeout = Timeout.ofMilliseconds(Math.max(1, readTimeout.toMillis()));
        this.client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                .build())
            .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .setUserAgent(userAgent)
            .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crawler-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends a GET and returns once the headers arrived; the body is read from the open exchange.
     *
     * @param deadline how long the exchange may take in all; then its connection is aborted
     * @throws IOException the request failed; {@link AddressGuard.RefusedAddressException} when the host resolves
     *                     to an address the crawler may not contact
     */
    Exchange get(URI uri, Map<String, String> headers, Duration deadline) throws IOException {
        HttpGet request = new HttpGet(URI.create(uri.toASCIIString()));
        headers.forEach(request::setHeader);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> abort = this.deadlines.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
        try {
            CloseableHttpResponse response = this.client.execute(request);
            return new Exchange(request, response, abort, expired);
        }
        catch (IOException | RuntimeException ex) {
            abort.cancel(false);
            if (expired.get()) {
                throw new DeadlineExceededException(deadline, ex);
            }
            throw ex;
        }
    }

    @Override
    public void close() throws IOException {
        this.deadlines.shutdownNow();
        this.client.close();
    }

    /** The exchange's deadline passed and its connection was aborted. */
    static final class DeadlineExceededException extends IOException {

        DeadlineExceededException(Duration deadline, Throwable cause) {
            super("not done within " + deadline.toMillis() + " ms", cause);
        }
    }

    /** An answer whose headers arrived; the body is read from {@link #body()}. */
    static final class Exchange implements Closeable {

        private final HttpGet request;
        private final CloseableHttpResponse response;
        private final ScheduledFuture<?> abort;
        private final AtomicBoolean expired;
        private boolean readToEnd;

        Exchange(HttpGet request, CloseableHttpResponse response, ScheduledFuture<?> abort, AtomicBoolean expired) {
            this.request = request;
            this.response = response;
            this.abort = abort;
            this.expired = expired;
        }

        int status() {
            return this.response.getCode();
        }

        Optional<String> header(String name) {
            Header header = this.response.getFirstHeader(name);
            return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
        }

        /** The body's {@code Content-Length}, or -1 when none or unreadable. */
        long declaredLength() {
            try {
                return header("Content-Length").map(String::trim).map(Long::parseLong).orElse(-1L);
            }
            catch (NumberFormatException ex) {
                return -1;
            }
        }

        InputStream body() throws IOException {
            HttpEntity entity = this.response.getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        /** The body was read to its end: the connection may be reused. */
        void readToEnd() {
            this.readToEnd = true;
        }

        /** Whether the deadline passed: a read that failed then failed because of it. */
        boolean expired() {
            return this.expired.get();
        }

        /** Ends the exchange; a body not read to its end is not drained, its connection is dropped. */
        @Override
        public void close() {
            this.abort.cancel(false);
            if (!this.readToEnd) {
                // Aborted, not drained: closing the body stream would read the rest of a huge or endless body first.
                this.request.cancel();
            }
            try {
                this.response.close();
            }
            catch (IOException ignored) {
                // The exchange is over either way.
            }
        }
    }
}
