package parkworld.pipeline.indexer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach the Elasticsearch cluster. Credentials are never part of the repository: pass them as environment
 * variables ({@code PARKWORLD_ELASTICSEARCH_PASSWORD}, {@code PARKWORLD_ELASTICSEARCH_API_KEY}) or a secret file.
 *
 * @param uris           the nodes, {@code http(s)://host:port}; requests are spread over them
 * @param username       user for HTTP basic authentication; unset for none (or when {@code apiKey} is used)
 * @param password       password of {@code username}
 * @param apiKey         an encoded API key ({@code id:key} in Base64, as Elasticsearch returns it); takes the place of
 *                       username and password
 * @param tls            how to trust an {@code https} cluster
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout  how long a request may wait for response bytes, bulk requests included
 * @param healthTimeout  how long the health check waits for the cluster before reporting it down
 */
@Validated
@ConfigurationProperties("parkworld.elasticsearch")
public record ElasticsearchProperties(@NotEmpty @DefaultValue("http://localhost:9200") List<@NotNull URI> uris,
        String username, String password, String apiKey, @Valid @DefaultValue Tls tls,
        @NotNull @DefaultValue("5s") Duration connectTimeout, @NotNull @DefaultValue("60s") Duration socketTimeout,
        @NotNull @DefaultValue("5s") Duration healthTimeout) {

    /**
     * Trust settings for {@code https} nodes.
     *
     * @param caCertificate  PEM file of the CA that signed the cluster's HTTP certificate (Elasticsearch writes it to
     *                       {@code config/certs/http_ca.crt}); unset to trust the JVM's default CAs only
     * @param verifyHostname false to accept a certificate whose host name does not match the node address (a local
     *                       cluster with a self-signed certificate); keep true anywhere else
     */
    public record Tls(Path caCertificate, @DefaultValue("true") boolean verifyHostname) {
    }

    /** @return true when basic authentication is configured */
    public boolean hasBasicAuth() {
        return StringUtils.hasText(this.username);
    }

    /** @return true when an API key is configured */
    public boolean hasApiKey() {
        return StringUtils.hasText(this.apiKey);
    }

    @AssertTrue(message = "set either username and password or api-key, not both")
    boolean isOneAuthenticationMethod() {
        return !(hasBasicAuth() && hasApiKey());
    }

    @AssertTrue(message = "a username needs a password")
    boolean isPasswordGivenWithUsername() {
        return !hasBasicAuth() || this.password != null;
    }

    @AssertTrue(message = "uris must be http or https URLs with a host")
    boolean isUrisHttp() {
        return this.uris == null || this.uris.stream()
            .allMatch(uri -> uri != null && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())));
    }

    /** Keeps the password and API key out of logs and error messages. */
    @Override
    public String toString() {
        return "ElasticsearchProperties[uris=" + this.uris + ", username=" + this.username + ", password="
                + (this.password == null ? null : "******") + ", apiKey=" + (hasApiKey() ? "******" : null) + ", tls="
                + this.tls + ", connectTimeout=" + this.connectTimeout + ", socketTimeout=" + this.socketTimeout
                + ", healthTimeout=" + this.healthTimeout + "]";
    }
}
