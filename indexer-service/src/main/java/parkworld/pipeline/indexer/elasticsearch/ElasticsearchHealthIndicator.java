package parkworld.pipeline.indexer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Elasticsearch cluster answers, and its health: up for green and yellow, down for red or when
 * it does not answer within the health timeout. Part of the readiness group: the indexer is of no use without it.
 */
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    /**
     * @param client  the client the indexer uses
     * @param timeout how long the check may take before the cluster counts as down
     */
    ElasticsearchHealthIndicator(ElasticsearchClient client, Duration timeout) {
        super("Elasticsearch health check failed");
        this.client = ElasticsearchClients.withTimeout(client, timeout);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthResponse health;
        try {
            health = this.client.cluster().health();
        }
        catch (IOException | RuntimeException ex) {
            // Reported here rather than thrown: AbstractHealthIndicator would log the whole stack trace on every
            // probe, i.e. thousands of lines a minute for as long as the cluster is unreachable.
            builder.down().withDetail("error", oneLine(ex));
            return;
        }
        if (health.status() == HealthStatus.Red) {
            builder.down();
        }
        else {
            builder.up();
        }
        builder.withDetail("clusterName", health.clusterName())
            .withDetail("status", health.status().jsonValue())
            .withDetail("numberOfNodes", health.numberOfNodes());
    }

    private static String oneLine(Exception failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ");
        return failure.getClass().getName() + message;
    }
}
