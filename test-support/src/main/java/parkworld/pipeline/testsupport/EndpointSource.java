package parkworld.pipeline.testsupport;

import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Where a test's Kafka or Elasticsearch comes from, in order of preference. */
enum EndpointSource {

    /** Named by a system property or environment variable: someone already runs it (e.g. a CI service). */
    EXISTING,
    /** A throw-away container, when a Docker daemon answers. */
    TESTCONTAINERS,
    /** A child process from the local-stack module's Maven Central binaries: needs nothing but a JDK. */
    LOCAL_PROCESS;

    record Choice(EndpointSource source, String existingEndpoint) {
    }

    /**
     * The system property wins over the environment variable of the same name; Docker is only asked when neither
     * is set, because asking can take seconds.
     */
    static Choice choose(Service service, UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
                         BooleanSupplier dockerAvailable) {
        String given = firstNonBlank(systemProperties.apply(service.endpointSetting()),
                environment.apply(service.endpointSetting()));
        if (given != null) {
            return new Choice(EXISTING, given);
        }
        return new Choice(dockerAvailable.getAsBoolean() ? TESTCONTAINERS : LOCAL_PROCESS, null);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second != null && !second.isBlank() ? second.trim() : null;
    }
}
