package parkworld.pipeline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EndpointSourceTests {

    private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED =
            () -> fail("Docker was asked although an endpoint was given");
    private static final Map<String, String> NOTHING = Map.of();

    @Test
    void usesAnExistingKafkaNamedByTheEnvironmentWithoutAskingDocker() {
        Map<String, String> environment = Map.of("PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS", "broker:9092");

        EndpointSource.Choice choice = EndpointSource.choose(Service.KAFKA, NOTHING::get, environment::get,
                DOCKER_MUST_NOT_BE_ASKED);

        assertThat(choice).isEqualTo(new EndpointSource.Choice(EndpointSource.EXISTING, "broker:9092"));
    }

    @Test
    void prefersTheSystemPropertyOverTheEnvironmentVariable() {
        Map<String, String> properties = Map.of("PARKWORLD_TEST_ELASTICSEARCH_URL", "http://from-property:9200");
        Map<String, String> environment = Map.of("PARKWORLD_TEST_ELASTICSEARCH_URL", "http://from-env:9200");

        EndpointSource.Choice choice = EndpointSource.choose(Service.ELASTICSEARCH, properties::get, environment::get,
                DOCKER_MUST_NOT_BE_ASKED);

        assertThat(choice.existingEndpoint()).isEqualTo("http://from-property:9200");
    }

    @Test
    void readsEachServiceFromItsOwnSetting() {
        Map<String, String> environment = Map.of("PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS", "broker:9092");

        EndpointSource.Choice choice =
                EndpointSource.choose(Service.ELASTICSEARCH, NOTHING::get, environment::get, () -> false);

        assertThat(choice.source()).isEqualTo(EndpointSource.LOCAL_PROCESS);
    }

    @Test
    void ignoresBlankSettings() {
        Map<String, String> properties = Map.of("PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS", " ");
        Map<String, String> environment = Map.of("PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS", "");

        EndpointSource.Choice choice =
                EndpointSource.choose(Service.KAFKA, properties::get, environment::get, () -> true);

        assertThat(choice.source()).isEqualTo(EndpointSource.TESTCONTAINERS);
    }

    @Test
    void choosesTestcontainersWhenDockerIsAvailable() {
        EndpointSource.Choice choice = EndpointSource.choose(Service.KAFKA, NOTHING::get, NOTHING::get, () -> true);

        assertThat(choice).isEqualTo(new EndpointSource.Choice(EndpointSource.TESTCONTAINERS, null));
    }

    @Test
    void fallsBackToLocalProcessesWithoutDocker() {
        EndpointSource.Choice choice =
                EndpointSource.choose(Service.ELASTICSEARCH, NOTHING::get, NOTHING::get, () -> false);

        assertThat(choice).isEqualTo(new EndpointSource.Choice(EndpointSource.LOCAL_PROCESS, null));
    }

    @Test
    void usesAGivenEndpointAsIsWithNothingToStop() throws Exception {
        EndpointSource.Choice given = new EndpointSource.Choice(EndpointSource.EXISTING, "broker:9092");

        RunningEndpoint endpoint = Service.KAFKA.start(given);

        assertThat(endpoint.address()).isEqualTo("broker:9092");
        assertThat(endpoint.description()).contains("PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS");
        endpoint.stopper().close();
    }
}
