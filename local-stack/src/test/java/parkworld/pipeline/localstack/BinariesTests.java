package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTests {

    private final Properties recorded = new Properties();

    BinariesTests() {
        recorded.setProperty("kafka.libs", "/recorded/kafka-libs");
        recorded.setProperty("kafka.version", "4.1.2");
        recorded.setProperty("elasticsearch.home", "/recorded/elasticsearch");
    }

    @Test
    void usesWhatTheBuildRecordedWhenNothingOverridesIt() {
        Binaries binaries = Binaries.from(recorded, name -> null, name -> null);

        assertThat(binaries.kafkaLibs()).isEqualTo(Path.of("/recorded/kafka-libs"));
        assertThat(binaries.elasticsearchJavaHome()).isNull();
    }

    @Test
    void prefersSystemPropertyOverEnvironmentOverRecordedValue() {
        Map<String, String> environment = Map.of(
                "PARKWORLD_LOCAL_STACK_KAFKA_LIBS", "/env/kafka-libs",
                "PARKWORLD_LOCAL_STACK_ELASTICSEARCH_HOME", "/env/elasticsearch",
                "PARKWORLD_LOCAL_STACK_ELASTICSEARCH_JAVA_HOME", "/env/jdk");
        Map<String, String> systemProperties = Map.of("parkworld.local-stack.kafka.libs", "/property/kafka-libs");

        Binaries binaries = Binaries.from(recorded, systemProperties::get, environment::get);

        assertThat(binaries.kafkaLibs()).isEqualTo(Path.of("/property/kafka-libs"));
        assertThat(binaries.elasticsearchHome()).isEqualTo(Path.of("/env/elasticsearch"));
        assertThat(binaries.elasticsearchJavaHome()).isEqualTo("/env/jdk");
    }

    @Test
    void explainsHowToFixMissingKafkaJars() {
        Binaries binaries = Binaries.from(recorded, name -> null, name -> null);

        assertThatIllegalStateException().isThrownBy(binaries::requireKafkaLibs)
                .withMessageContaining("/recorded/kafka-libs")
                .withMessageContaining("./mvnw -pl local-stack -am install")
                .withMessageContaining("PARKWORLD_LOCAL_STACK_KAFKA_LIBS");
    }

    @Test
    void findsTheBinariesThisBuildPrepared() {
        Binaries binaries = Binaries.load();

        assertThat(binaries.requireKafkaLibs()).isDirectory();
        assertThat(binaries.requireElasticsearchHome().resolve("lib/java-version-checker")).isDirectory();
        assertThat(binaries.kafkaVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void createsDistinctLogFilesInTheLogsDirectory(@TempDir Path logs) {
        recorded.setProperty("logs.dir", logs.toString());
        Binaries binaries = Binaries.from(recorded, name -> null, name -> null);

        Path first = binaries.newLogFile("kafka");
        Path second = binaries.newLogFile("kafka");

        assertThat(first).isNotEqualTo(second).hasParent(logs);
        assertThat(first.getFileName().toString()).startsWith("kafka-").endsWith(".log");
    }
}
