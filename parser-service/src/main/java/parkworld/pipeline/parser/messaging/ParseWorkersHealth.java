package parkworld.pipeline.parser.messaging;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import parkworld.pipeline.parser.pipeline.ParseWorkers;

/**
 * Readiness of the parse threads: out of service while a parse abandoned after its time limit is still running. Such
 * a parse holds a thread (and CPU) it should have given back; the PDF reader stops at the next content-stream
 * operator, so this lasts milliseconds, unless the parse hangs where nothing checks for its interrupt. Then the
 * instance should get no more work until it ends or the instance is restarted. Part of the readiness group
 * ({@code management.endpoint.health.group.readiness.include}).
 */
final class ParseWorkersHealth implements HealthIndicator {

    private final ParseWorkers workers;

    ParseWorkersHealth(ParseWorkers workers) {
        this.workers = workers;
    }

    @Override
    public Health health() {
        List<ParseWorkers.Abandoned> abandoned = this.workers.abandonedStillRunning();
        Health.Builder health = abandoned.isEmpty() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
        health.withDetail("threads", this.workers.threads()).withDetail("busy", this.workers.busy());
        if (!abandoned.isEmpty()) {
            health.withDetail("abandoned", abandoned.stream()
                .map(parse -> parse.issueKey() + " (abandoned at " + parse.since() + ")")
                .toList());
        }
        return health.build();
    }
}
