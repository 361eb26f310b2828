package parkworld.pipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The blob store is required configuration: without it the parser does not start, and says what to set. */
class BlobStorePropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(BindsBlobStore.class);

    @Test
    void startupFailsNamingThePropertyWhenNoBlobStoreIsConfigured() {
        this.context.run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                .hasMessageContaining("parkworld.parser.blob-store")
                .hasMessageContaining("set parkworld.parser.blob-store.location to the blob store the ingest-service "
                        + "writes to");
        });
    }

    @Test
    void startupFailsWhenOnlyTheS3SettingsAreGiven() {
        this.context.withPropertyValues("parkworld.parser.blob-store.s3.endpoint=http://127.0.0.1:9000")
            .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void bindsAnS3StoreWithItsEndpoint() {
        this.context
            .withPropertyValues("parkworld.parser.blob-store.location=s3://parkworld-blobs/issues/",
                    "parkworld.parser.blob-store.s3.endpoint=http://127.0.0.1:9000",
                    "parkworld.parser.blob-store.s3.path-style=true")
            .run(started -> {
                assertThat(started).hasNotFailed();
                var settings = started.getBean(BlobStoreProperties.class).settings();
                assertThat(settings.scheme()).isEqualTo("s3");
                assertThat(settings.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
                assertThat(settings.s3PathStyle()).isTrue();
                assertThat(settings.s3Region()).isEqualTo("us-east-1");
            });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BlobStoreProperties.class)
    static class BindsBlobStore {
    }
}
