package parkworld.pipeline.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a given {@code --kafka} accepts connections, checked before anything starts: otherwise the services start
 * and retry for ever, their logs fill with the admin client's reconnect attempts, and the run ends only when its
 * readiness timeout does. A TCP connect to each bootstrap server; one that accepts is enough, as for a Kafka client.
 */
final class KafkaReachability {

    private KafkaReachability() {
    }

    /** Empty when a bootstrap server accepts a connection within {@code timeout}; else why none did. */
    static Optional<String> problem(String bootstrapServers, Duration timeout) {
        List<String> refusals = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            int colon = server.lastIndexOf(':');
            String host = server.substring(0, colon);
            int port = Integer.parseInt(server.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return Optional.empty();
            }
            catch (UnknownHostException ex) {
                // Its message is only the host name.
                refusals.add(server + ": the host name " + host + " cannot be resolved");
            }
            catch (IOException | IllegalArgumentException ex) {
                refusals.add(server + ": " + ex.getMessage());
            }
        }
        return Optional.of("no broker accepts connections within " + timeout.toSeconds() + " s ("
                + String.join("; ", refusals) + ")");
    }
}
