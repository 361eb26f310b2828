package parkworld.pipeline.indexer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import parkworld.pipeline.indexer.ElasticsearchProperties;

/**
 * Builds the Elasticsearch clients from {@link ElasticsearchProperties}: the low-level {@link RestClient} (HTTP
 * connections, authentication, TLS, timeouts) and the typed {@link ElasticsearchClient} on top of it, using the
 * client's Jackson 3 mapper (Jackson 3 is what Spring Boot 4 and the event contract use).
 */
final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /**
     * The low-level client; the caller closes it.
     *
     * @param properties where the cluster is and how to authenticate
     * @return a client spreading requests over the configured nodes
     */
    static RestClient restClient(ElasticsearchProperties properties) {
        HttpHost[] hosts = properties.uris().stream().map(ElasticsearchClients::host).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        String path = properties.uris().get(0).getPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            builder.setPathPrefix(path);
        }
        if (properties.hasApiKey()) {
            builder.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", "ApiKey " + properties.apiKey()) });
        }
        builder.setRequestConfigCallback(config -> config
            .setConnectTimeout(millis(properties.connectTimeout()))
            .setSocketTimeout(millis(properties.socketTimeout())));
        SSLContext sslContext = sslContext(properties.tls());
        boolean verifyHostname = properties.tls() == null || properties.tls().verifyHostname();
        builder.setHttpClientConfigCallback(http -> {
            if (properties.hasBasicAuth()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY,
                        new UsernamePasswordCredentials(properties.username(), properties.password()));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (sslContext != null) {
                http.setSSLContext(sslContext);
            }
            if (!verifyHostname) {
                http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            return http;
        });
        return builder.build();
    }

    /**
     * The typed client over a low-level one; closing it closes the low-level client.
     *
     * @param restClient the HTTP client
     * @return the typed client
     */
    static ElasticsearchClient client(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper()));
    }

    /**
     * A view of a client whose requests give up sooner than the configured socket timeout, for quick probes such as
     * health checks.
     *
     * @param client  the client
     * @param timeout how long a probe may take
     * @return the same client with shorter per-request timeouts
     */
    static ElasticsearchClient withTimeout(ElasticsearchClient client, Duration timeout) {
        RequestConfig config = RequestConfig.custom()
            .setConnectTimeout(millis(timeout))
            .setSocketTimeout(millis(timeout))
            .build();
        return client.withTransportOptions(options -> {
            if (options instanceof RestClientOptions.Builder restOptions) {
                restOptions.restClientRequestOptionsBuilder().setRequestConfig(config);
            }
            return options;
        });
    }

    private static HttpHost host(URI uri) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new HttpHost(uri.getHost(), port, https ? "https" : "http");
    }

    private static SSLContext sslContext(ElasticsearchProperties.Tls tls) {
        if (tls == null || tls.caCertificate() == null || tls.caCertificate().toString().isBlank()) {
            return null;
        }
        try {
            return TransportUtils.sslContextFromHttpCaCrt(tls.caCertificate().toFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the Elasticsearch CA certificate " + tls.caCertificate(), ex);
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
