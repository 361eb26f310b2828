package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchNodeIT {

    private static ElasticsearchNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = ElasticsearchNode.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    @Order(1)
    void startsNodeThatIndexesAndReturnsDocuments() throws Exception {
        URI document = URI.create(node.httpUrl() + "/articles/_doc/issue-121");

        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(URI.create(document + "?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"园区周报\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read =
                http.send(HttpRequest.newBuilder(document).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(indexed.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"found\":true", "\"title\":\"园区周报\"");
    }

    @Test
    @Order(2)
    void keepsItsPortAndDocumentsWhenStoppedAndStartedAgain() throws Exception {
        String url = node.httpUrl();
        ProcessHandle launcher = ProcessHandle.of(node.pid()).orElseThrow();
        List<ProcessHandle> tree = launcher.descendants().toList();

        node.stop();

        assertThat(node.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(refusesConnections(URI.create(url))).as("the stopped node's port refuses connections").isTrue();
        assertThat(node.workDirectory()).isDirectory();

        node.startAgain();

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(url + "/articles/_doc/issue-121"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(node.httpUrl()).isEqualTo(url);
        assertThat(node.pid()).isNotEqualTo(launcher.pid());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"found\":true", "\"title\":\"园区周报\"");
        assertThatThrownBy(node::startAgain).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still running");
    }

    /** Runs after the restart, so it checks the process tree started again. */
    @Test
    @Order(3)
    void runsAsTheElasticsearchUserUnderRootAndAsTheCurrentUserOtherwise() {
        String expected = RunningJvm.isRoot() ? ProcessOwner.ELASTICSEARCH_USER : System.getProperty("user.name");

        ProcessHandle launcher = ProcessHandle.of(node.pid()).orElseThrow();
        List<ProcessHandle> tree = launcher.descendants().toList();

        assertThat(launcher.info().user()).hasValue(expected);
        assertThat(tree).isNotEmpty().allSatisfy(process -> assertThat(process.info().user()).hasValue(expected));
    }

    @Test
    @Order(4)
    void stopsEveryProcessAndRemovesItsCopyOnClose() {
        ProcessHandle launcher = ProcessHandle.of(node.pid()).orElseThrow();
        List<ProcessHandle> tree = launcher.descendants().toList();

        node.close();

        assertThat(launcher.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(node.workDirectory()).doesNotExist();
        assertThat(node.logFile()).content().contains("started");
    }

    private static boolean refusesConnections(URI url) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }
}
