package parkworld.pipeline.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes {@code ArticleExtracted} events in batches and indexes them into Elasticsearch, one document per article
 * under its article id; events it cannot index go to the indexer dead-letter topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndexerApplication.class, args);
    }
}
