package parkworld.pipeline.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The elasticsearch.yml of a single-node, loopback-only, security-free node for development and tests. */
final class ElasticsearchSettings {

    private ElasticsearchSettings() {
    }

    static Map<String, String> singleNode(int httpPort, int transportPort, Path dataDirectory, Path logsDirectory) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "parkworld-local");
        settings.put("node.name", "parkworld-local");
        settings.put("discovery.type", "single-node");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("path.data", dataDirectory.toString());
        settings.put("path.logs", logsDirectory.toString());
        settings.put("xpack.security.enabled", "false");
        // Developer disks are often nearly full; without this, shards would stay unassigned.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return settings;
    }

    static String render(Map<String, String> settings) {
        StringBuilder yaml = new StringBuilder();
        settings.forEach((key, value) -> yaml.append(key).append(": \"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
        return yaml.toString();
    }
}
