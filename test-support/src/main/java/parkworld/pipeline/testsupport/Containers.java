package parkworld.pipeline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka and Elasticsearch as Testcontainers, with the same versions as the local processes. */
final class Containers {

    private static final String RESOURCE = "parkworld-test-support.properties";

    private Containers() {
    }

    static RunningEndpoint kafka() {
        String image = image("kafka.image");
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(image));
        kafka.start();
        return new RunningEndpoint(kafka.getBootstrapServers(), "Testcontainers " + image, kafka::stop);
    }

    static RunningEndpoint elasticsearch() {
        String image = image("elasticsearch.image");
        // The container turns security (TLS and a password) on for 8.x images; tests talk plain HTTP.
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(DockerImageName.parse(image))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        elasticsearch.start();
        return new RunningEndpoint("http://" + elasticsearch.getHttpHostAddress(), "Testcontainers " + image,
                elasticsearch::stop);
    }

    private static String image(String key) {
        Properties properties = new Properties();
        try (InputStream in = Containers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return properties.getProperty(key);
    }
}
