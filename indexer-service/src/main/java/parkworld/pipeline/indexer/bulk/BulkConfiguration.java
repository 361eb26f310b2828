package parkworld.pipeline.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.IndexProperties;

/** The bulk writer, writing to the versioned articles index (readers use the alias, see {@code ArticleIndexSetup}). */
@Configuration(proxyBeanMethods = false)
class BulkConfiguration {

    @Bean
    ArticleBulkWriter articleBulkWriter(ElasticsearchClient client, IndexProperties index, BulkProperties bulk,
            MeterRegistry meters) {
        return new ArticleBulkWriter(client::bulk, index.name(), bulk, meters);
    }
}
