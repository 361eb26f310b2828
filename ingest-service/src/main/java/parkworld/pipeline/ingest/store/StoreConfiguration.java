package parkworld.pipeline.ingest.store;

import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.ingest.BlobStoreProperties;
import parkworld.pipeline.ingest.PublishedMarksProperties;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** Opened at start-up: a directory that cannot be created, a missing bucket or refused credentials stop it. */
    @Bean
    BlobStore blobStore(BlobStoreProperties properties) throws IOException {
        return properties.settings().open();
    }

    @Bean
    PublishedMarks publishedMarks(PublishedMarksProperties properties) throws IOException {
        return new LocalDirectoryPublishedMarks(properties.directory());
    }
}
