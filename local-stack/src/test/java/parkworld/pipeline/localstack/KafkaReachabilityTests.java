package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaReachabilityTests {

    @Test
    void aListeningBootstrapServerIsReachableEvenWhenAnotherIsNot() throws Exception {
        int closed = closedPort();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(KafkaReachability.problem("127.0.0.1:" + closed + ",127.0.0.1:" + listening.getLocalPort(),
                    Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void noListeningServerIsAProblemNamingEachAddress() throws Exception {
        int closed = closedPort();
        assertThat(KafkaReachability.problem("127.0.0.1:" + closed, Duration.ofSeconds(2)))
            .hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("no broker accepts connections within 2 s (127.0.0.1:" + closed + ": "));
    }

    @Test
    void aHostNameThatDoesNotResolveIsAProblemSayingSo() {
        assertThat(KafkaReachability.problem("no-such-host.invalid:9092", Duration.ofSeconds(2)))
            .hasValue("no broker accepts connections within 2 s (no-such-host.invalid:9092: the host name"
                    + " no-such-host.invalid cannot be resolved)");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
