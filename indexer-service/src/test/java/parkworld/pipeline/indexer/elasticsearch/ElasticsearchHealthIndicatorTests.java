package parkworld.pipeline.indexer.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import parkworld.pipeline.indexer.ElasticsearchProperties;

@ExtendWith(OutputCaptureExtension.class)
class ElasticsearchHealthIndicatorTests {

    RestClient restClient;

    @AfterEach
    void close() throws IOException {
        if (this.restClient != null) {
            this.restClient.close();
        }
    }

    /** A client for a port nothing listens on: every request fails with "connection refused". */
    ElasticsearchHealthIndicator unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ElasticsearchProperties properties = new ElasticsearchProperties(
                List.of(URI.create("http://127.0.0.1:" + port)), null, null, null,
                new ElasticsearchProperties.Tls(null, true), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        this.restClient = ElasticsearchClients.restClient(properties);
        return new ElasticsearchHealthIndicator(ElasticsearchClients.client(this.restClient), Duration.ofSeconds(2));
    }

    @Test
    void reportsUnreachableClusterAsDownWithAOneLineError() throws IOException {
        Health health = unreachable().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsOnlyKeys("error");
        assertThat((String) health.getDetails().get("error")).startsWith("java.net.ConnectException")
            .doesNotContain("\n");
    }

    @Test
    void logsNoStackTraceWhenTheClusterIsUnreachable(CapturedOutput output) throws IOException {
        ElasticsearchHealthIndicator indicator = unreachable();

        indicator.health();
        indicator.health();

        assertThat(output.getAll()).as("a probe every few seconds must not log a stack trace each time")
            .doesNotContain("Elasticsearch health check failed")
            .doesNotContain("ConnectException");
    }
}
