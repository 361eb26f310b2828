package parkworld.pipeline.indexer.reparse;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.IndexProperties;

/** Removing what a re-parse of an issue superseded, in the versioned index articles are written to. */
@Configuration(proxyBeanMethods = false)
class ReparseConfiguration {

    @Bean
    IssueReplacement issueReplacement(ElasticsearchClient client, IndexProperties index, BulkProperties bulk,
            MeterRegistry meters) {
        return new IssueReplacement(client, index.name(), meters, bulk.timeout());
    }
}
