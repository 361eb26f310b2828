package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTests {

    @Test
    void runsOneNodeOnLoopbackWithoutSecurityOrDiskThresholds() {
        Map<String, String> settings =
                ElasticsearchSettings.singleNode(19200, 19300, Path.of("/es/data"), Path.of("/es/logs"));

        assertThat(settings)
                .containsEntry("discovery.type", "single-node")
                .containsEntry("network.host", "127.0.0.1")
                .containsEntry("http.port", "19200")
                .containsEntry("transport.port", "19300")
                .containsEntry("xpack.security.enabled", "false")
                .containsEntry("cluster.routing.allocation.disk.threshold_enabled", "false")
                .containsEntry("path.data", Path.of("/es/data").toString());
    }

    @Test
    void quotesValuesSoPathsSurviveYaml() {
        String yaml = ElasticsearchSettings.render(Map.of("path.data", "C:\\es \"data\": here"));

        assertThat(yaml).isEqualTo("path.data: \"C:\\\\es \\\"data\\\": here\"\n");
    }
}
