package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KraftPropertiesTests {

    private final Map<String, String> properties = KraftProperties.singleNode(19092, 19093, Path.of("/data/kafka"));

    @Test
    void bindsBrokerAndControllerToLoopbackOnTheGivenPorts() {
        assertThat(properties)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("log.dirs", Path.of("/data/kafka").toString())
                .doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void needsOnlyOneReplicaForEveryInternalTopic() {
        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "true");
    }

    @Test
    void rendersOnePropertyPerLine() {
        String rendered = KraftProperties.render(Map.of("node.id", "1"));

        assertThat(rendered).isEqualTo("node.id=1\n");
    }

    @Test
    void generatesClusterIdsShapedLikeKafkaUuids() {
        IntStream.range(0, 200).mapToObj(i -> KraftProperties.randomClusterId()).forEach(id -> {
            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        });
    }
}
