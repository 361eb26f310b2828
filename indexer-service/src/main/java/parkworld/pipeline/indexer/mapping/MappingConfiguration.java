package parkworld.pipeline.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.indexer.CatchUpProperties;
import parkworld.pipeline.indexer.IndexProperties;

/** The articles index definition and its idempotent setup at startup. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    ArticleIndexSetup articleIndexSetup(ElasticsearchClient client, IndexProperties index) {
        return new ArticleIndexSetup(client, ArticleIndexMapping.v2(index.analysis()), index.name(), index.alias());
    }

    @Bean
    IndexRefreshSettings indexRefreshSettings(RestClient elasticsearchRestClient, IndexProperties index) {
        return new IndexRefreshSettings(elasticsearchRestClient, index.name());
    }

    @Bean
    CatchUpRefresh catchUpRefresh(IndexRefreshSettings indexRefreshSettings, CatchUpProperties catchUp) {
        return new CatchUpRefresh(indexRefreshSettings, catchUp.minRecords(), catchUp.refreshInterval());
    }

    @Bean
    IndexSetupOnStartup indexSetupOnStartup(ArticleIndexSetup articleIndexSetup,
            IndexRefreshSettings indexRefreshSettings) {
        return new IndexSetupOnStartup(articleIndexSetup, indexRefreshSettings);
    }
}
