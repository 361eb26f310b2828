package parkworld.pipeline.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.indexer.IndexProperties;

/** The articles index definition and its idempotent setup at startup. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    ArticleIndexSetup articleIndexSetup(ElasticsearchClient client, IndexProperties index) {
        return new ArticleIndexSetup(client, ArticleIndexMapping.v2(index.analysis()), index.name(), index.alias());
    }

    @Bean
    IndexSetupOnStartup indexSetupOnStartup(ArticleIndexSetup articleIndexSetup) {
        return new IndexSetupOnStartup(articleIndexSetup);
    }
}
