package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPartitionsTests {

    static final Path ASYNC_API = Path.of("..", "article-contract", "asyncapi.yaml");

    @Test
    void theConsumedTopicsGetThePartitionsTheContractDocumentsAndSinglePartitionTopicsAreLeftToTheServices() {
        assertThat(TopicPartitionsTool.partitioned(ASYNC_API, Map.of())).containsExactly(
                Map.entry("parkworld.issues.fetched", 6), Map.entry("parkworld.articles", 6),
                Map.entry("parkworld.issues.parsed", 3));
    }

    @Test
    void aRenamedTopicIsPartitionedUnderTheNameTheServicesUse() {
        assertThat(TopicPartitionsTool.partitioned(ASYNC_API, Map.of("parkworld.topics.articles", "local-1234.parkworld.articles")))
            .containsEntry("local-1234.parkworld.articles", 6)
            .doesNotContainKey("parkworld.articles");
    }

    @Test
    void thePartitionsTheContractDocumentsAreKnownWithoutKafka() {
        // In a child JVM, as the run command reads them before anything starts (SnakeYAML is not on its class path).
        assertThat(TopicPartitions.documented(ASYNC_API)).containsExactly(Map.entry("parkworld.issues.fetched", 6),
                Map.entry("parkworld.articles", 6), Map.entry("parkworld.issues.parsed", 3));
    }
}
