package parkworld.pipeline.ingest.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.run.RunProgress;
import parkworld.pipeline.ingest.schedule.IngestScheduler;
import parkworld.pipeline.ingest.state.IngestLedger;

@Configuration(proxyBeanMethods = false)
class OperatorConfiguration {

    @Bean
    IngestStatusEndpoint ingestStatusEndpoint(IngestLedger ledger, RunProgress progress, IngestScheduler scheduler) {
        return new IngestStatusEndpoint(ledger, progress, scheduler);
    }
}
