package parkworld.pipeline.indexer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.indexer.ElasticsearchProperties;

/** The Elasticsearch client, built from {@code parkworld.elasticsearch.*}, and its health indicator. */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
        return ElasticsearchClients.restClient(properties);
    }

    @Bean(destroyMethod = "")
    ElasticsearchClient elasticsearchClient(RestClient elasticsearchRestClient) {
        // Closing the typed client would close the RestClient a second time: the RestClient bean owns it.
        return ElasticsearchClients.client(elasticsearchRestClient);
    }

    @Bean
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client,
            ElasticsearchProperties properties) {
        return new ElasticsearchHealthIndicator(client, properties.healthTimeout());
    }
}
