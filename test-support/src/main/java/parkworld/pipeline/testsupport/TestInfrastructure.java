package parkworld.pipeline.testsupport;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import parkworld.pipeline.localstack.S3MockServer;

/**
 * Real Kafka, Elasticsearch and an S3-compatible server for tests, started at most once per JVM on first use and stopped when the JVM exits.
 * Each comes from, in this order: an existing endpoint named by {@code PARKWORLD_TEST_KAFKA_BOOTSTRAP_SERVERS} /
 * {@code PARKWORLD_TEST_ELASTICSEARCH_URL} (environment variable or system property); Testcontainers when Docker is
 * available; otherwise a local child process (see the local-stack module). The S3-compatible server is always a local
 * child process (Adobe S3Mock, see {@link S3MockServer}).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Map<Service, Resolution> RESOLUTIONS = new EnumMap<>(Service.class);
    /** The bucket the S3-compatible server for tests has from its start. */
    public static final String S3_BUCKET = "parkworld-test-blobs";
    private static Boolean dockerAvailable;
    private static S3MockServer s3;
    private static RuntimeException s3Failure;

    static {
        for (Service service : Service.values()) {
            RESOLUTIONS.put(service, new Resolution(service));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "parkworld-test-infrastructure"));
    }

    private TestInfrastructure() {
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public static String kafkaBootstrapServers() {
        return RESOLUTIONS.get(Service.KAFKA).address();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:9200}, without a trailing slash. */
    public static String elasticsearchUrl() {
        return stripTrailingSlash(RESOLUTIONS.get(Service.ELASTICSEARCH).address());
    }

    /** An S3-compatible server with the bucket {@link #S3_BUCKET}, started on first use (about 9 s). */
    public static synchronized S3Endpoint s3() {
        if (s3 == null && s3Failure == null) {
            long began = System.nanoTime();
            try {
                s3 = S3MockServer.start(S3_BUCKET);
                log.info("S3 for tests: {}, ready in {} ms", s3, Duration.ofNanos(System.nanoTime() - began).toMillis());
            } catch (RuntimeException e) {
                log.error("S3 for tests could not be provided", e);
                s3Failure = e;
            }
        }
        if (s3Failure != null) {
            throw new IllegalStateException("S3 for tests could not be provided in this JVM", s3Failure);
        }
        return new S3Endpoint(s3.endpoint(), s3.bucket());
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            long began = System.nanoTime();
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            log.info("Docker {} (checked in {} ms)", dockerAvailable ? "is available" : "is not available",
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
        }
        return dockerAvailable;
    }

    private static void stopAll() {
        RESOLUTIONS.values().forEach(Resolution::stop);
        synchronized (TestInfrastructure.class) {
            if (s3 != null) {
                s3.close();
                s3 = null;
            }
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One service's endpoint: chosen and started on first request; a failure is remembered, not retried per test. */
    private static final class Resolution {

        private final Service service;
        private RunningEndpoint endpoint;
        private RuntimeException failure;

        Resolution(Service service) {
            this.service = service;
        }

        synchronized String address() {
            if (endpoint == null && failure == null) {
                resolve();
            }
            if (failure != null) {
                throw new IllegalStateException(
                        service.displayName() + " for tests could not be provided in this JVM", failure);
            }
            return endpoint.address();
        }

        synchronized void stop() {
            if (endpoint == null) {
                return;
            }
            try {
                endpoint.stopper().close();
            } catch (Exception e) {
                log.warn("Could not stop {} for tests ({})", service.displayName(), endpoint.description(), e);
            }
            endpoint = null;
        }

        private void resolve() {
            long began = System.nanoTime();
            try {
                EndpointSource.Choice choice = EndpointSource.choose(service, System::getProperty, System::getenv,
                        TestInfrastructure::dockerAvailable);
                endpoint = service.start(choice);
                log.info("{} for tests: {} at {}, ready in {} ms", service.displayName(), endpoint.description(),
                        endpoint.address(), Duration.ofNanos(System.nanoTime() - began).toMillis());
            } catch (RuntimeException e) {
                log.error("{} for tests could not be provided", service.displayName(), e);
                failure = e;
            }
        }
    }
}
