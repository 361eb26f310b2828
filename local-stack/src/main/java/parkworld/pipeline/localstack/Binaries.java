package parkworld.pipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where the local-stack build put the Kafka jars and the Elasticsearch distribution, as recorded in
 * {@value #RESOURCE}. Each entry can be overridden by a system property {@code parkworld.local-stack.<key>} or an
 * environment variable {@code PARKWORLD_LOCAL_STACK_<KEY>}, e.g. when the jar was built on another machine.
 */
record Binaries(Path kafkaLibs, Path elasticsearchHome, String kafkaVersion, String elasticsearchVersion,
                Path logsDirectory, String elasticsearchJavaHome, Path s3MockJar) {

    static final String RESOURCE = "parkworld-local-stack.properties";
    private static final String BUILD_HINT = "build it with './mvnw -pl local-stack -am install'";

    static Binaries load() {
        return from(recorded(), System::getProperty, System::getenv);
    }

    static Binaries from(Properties recorded, UnaryOperator<String> systemProperties,
                         UnaryOperator<String> environment) {
        UnaryOperator<String> setting = key -> {
            String value = systemProperties.apply(systemPropertyName(key));
            if (isBlank(value)) {
                value = environment.apply(environmentVariableName(key));
            }
            if (isBlank(value)) {
                value = recorded.getProperty(key);
            }
            return isBlank(value) ? null : value.trim();
        };
        return new Binaries(
                pathOrNull(setting.apply("kafka.libs")),
                pathOrNull(setting.apply("elasticsearch.home")),
                setting.apply("kafka.version"),
                setting.apply("elasticsearch.version"),
                pathOrNull(setting.apply("logs.dir")),
                setting.apply("elasticsearch.java-home"),
                pathOrNull(setting.apply("s3mock.jar")));
    }

    static String systemPropertyName(String key) {
        return "parkworld.local-stack." + key;
    }

    static String environmentVariableName(String key) {
        return "PARKWORLD_LOCAL_STACK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    Path requireKafkaLibs() {
        return requireDirectory(kafkaLibs, "kafka.libs", "Kafka jars", "kafka_2.13-" + kafkaVersion + ".jar");
    }

    Path requireElasticsearchHome() {
        return requireDirectory(elasticsearchHome, "elasticsearch.home", "Elasticsearch distribution",
                "bin/elasticsearch");
    }

    Path requireS3MockJar() {
        if (s3MockJar == null || !Files.isRegularFile(s3MockJar)) {
            throw new IllegalStateException("S3Mock executable jar not found at " + s3MockJar + ": " + BUILD_HINT
                    + ", or point -D" + systemPropertyName("s3mock.jar") + " / " + environmentVariableName("s3mock.jar")
                    + " at an existing copy");
        }
        return s3MockJar;
    }

    /** A new log file; falls back to the system temp directory so a missing build directory never loses a log. */
    Path newLogFile(String prefix) {
        Path directory = logsDirectory != null ? logsDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "parkworld-local-stack-logs");
        return LogFile.createIn(directory, prefix);
    }

    private static Path requireDirectory(Path directory, String key, String what, String expectedEntry) {
        if (directory == null || !Files.isRegularFile(directory.resolve(expectedEntry))) {
            throw new IllegalStateException(what + " not found at " + directory + " (no " + expectedEntry + "): "
                    + BUILD_HINT + ", or point -D" + systemPropertyName(key) + " / " + environmentVariableName(key)
                    + " at an existing copy");
        }
        return directory;
    }

    private static Properties recorded() {
        Properties properties = new Properties();
        try (InputStream in = Binaries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return properties;
    }

    private static Path pathOrNull(String value) {
        return value == null ? null : Path.of(value);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
