package parkworld.pipeline.ingest.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.run.RunProgress;
import parkworld.pipeline.ingest.state.IngestLedger;

@Configuration(proxyBeanMethods = false)
class OperatorConfiguration {

    @Bean
    IngestStatusEndpoint ingestStatusEndpoint(IngestLedger ledger, RunProgress progress) {
        return new IngestStatusEndpoint(ledger, progress);
    }
}
