package parkworld.pipeline.ingest.store;

import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.BlobStoreProperties;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    BlobStore blobStore(BlobStoreProperties properties) throws IOException {
        return new LocalDirectoryBlobStore(properties.directory());
    }
}
