package parkworld.pipeline.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server.properties of a single-node, loopback-only KRaft broker+controller sized for one developer. */
final class KraftProperties {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KraftProperties() {
    }

    static Map<String, String> singleNode(int brokerPort, int controllerPort, Path dataDirectory) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        String listeners = "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
        properties.put("listeners", listeners);
        properties.put("advertised.listeners", listeners);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        // Dynamic quorum (what 'format --standalone' expects) rather than the static controller.quorum.voters.
        properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.put("log.dirs", dataDirectory.toString());
        properties.put("num.partitions", "1");
        properties.put("auto.create.topics.enable", "true");
        // One node: every internal topic must be satisfied by a single replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) ->
                text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    /** Shaped like Kafka's Uuid: 16 random bytes in URL-safe Base64, never starting with '-' (looks like an option). */
    static String randomClusterId() {
        byte[] bytes = new byte[16];
        String id;
        do {
            RANDOM.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
