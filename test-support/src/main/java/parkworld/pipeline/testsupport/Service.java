package parkworld.pipeline.testsupport;

import java.util.function.Supplier;

/** Infrastructure the pipeline's tests need, with the setting that names an existing instance and how to start one. */
enum Service {

    KAFKA("Kafka", "PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS", Containers::kafka, LocalProcesses::kafka),
    ELASTICSEARCH("Elasticsearch", "PARKWORLD_TEST_ELASTICSEARCH_URL", Containers::elasticsearch,
            LocalProcesses::elasticsearch);

    private final String displayName;
    private final String endpointSetting;
    private final Supplier<RunningEndpoint> container;
    private final Supplier<RunningEndpoint> localProcess;

    Service(String displayName, String endpointSetting, Supplier<RunningEndpoint> container,
            Supplier<RunningEndpoint> localProcess) {
        this.displayName = displayName;
        this.endpointSetting = endpointSetting;
        this.container = container;
        this.localProcess = localProcess;
    }

    String displayName() {
        return displayName;
    }

    /** Both the environment variable and the system property of this name. */
    String endpointSetting() {
        return endpointSetting;
    }

    RunningEndpoint start(EndpointSource.Choice choice) {
        return switch (choice.source()) {
            case EXISTING -> RunningEndpoint.existing(choice.existingEndpoint(), "given by " + endpointSetting);
            case TESTCONTAINERS -> container.get();
            case LOCAL_PROCESS -> localProcess.get();
        };
    }
}
