package parkworld.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import parkworld.pipeline.localstack.PipelineServices;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged services on the test Kafka and Elasticsearch with names no other test uses, made from a prefix: the
 * topics ({@code PREFIX.issues.fetched-1a2b3c4d}, ...), the ingest state's transactional id and the index
 * ({@code PREFIX-articles-...}), so whole-pipeline tests share the brokers without reading each other's records.
 *
 * @param fetched  the IssueFetched topic
 * @param articles the ArticleExtracted topic
 * @param alias    the index alias the indexer writes to and the tests search
 */
record IsolatedPipeline(String prefix, String fetched, String articles, String alias) {

    static final Path PROJECT_ROOT = Path.of(System.getProperty("parkworld.project.root", "..")).toAbsolutePath().normalize();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static IsolatedPipeline named(String prefix) {
        return new IsolatedPipeline(prefix, KafkaTopics.unique(prefix + ".issues.fetched"),
                KafkaTopics.unique(prefix + ".articles"), KafkaTopics.unique(prefix + "-articles"));
    }

    /**
     * Starts the services on the website's listing page, with no delay between requests to it; wait for them with
     * {@link PipelineServices#awaitReady}. Their logs are under {@code target/e2e-work/ALIAS/}, to read when a test
     * fails.
     *
     * @param properties more properties for the services (a service's consumer group, say)
     * @param instances  how many instances of a service, where more than one
     */
    PipelineServices start(IssueWebsite website, Map<String, String> properties, Map<String, Integer> instances)
            throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("parkworld.topics.issues-fetched", this.fetched,
                "parkworld.topics.articles", this.articles,
                "parkworld.topics.issues-parsed", KafkaTopics.unique(this.prefix + ".issues.parsed"),
                "parkworld.topics.parser-dead-letter", KafkaTopics.unique(this.prefix + ".parser.dlq"),
                "parkworld.topics.indexer-dead-letter", KafkaTopics.unique(this.prefix + ".indexer.dlq"),
                "parkworld.topics.ingest-state", KafkaTopics.unique(this.prefix + ".ingest.state"),
                "parkworld.ingest.state.transactional-id", KafkaTopics.unique(this.prefix + "-ingest"),
                "parkworld.indexer.index.alias", this.alias,
                "parkworld.indexer.index.name", this.alias + "-v1",
                // (allow-loopback: PipelineServices sets it for a source on this machine.)
                "parkworld.ingest.crawler.min-delay-per-host", "0s"));
        all.putAll(properties);
        Path work = Files.createDirectories(Path.of("target", "e2e-work")).resolve(this.alias).toAbsolutePath();
        return PipelineServices.start(new PipelineServices.Settings(PROJECT_ROOT,
                TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.elasticsearchUrl(), website.listingUrl(),
                work, all, instances));
    }

    /**
     * Makes what was indexed searchable (a refresh), then asks the alias.
     *
     * @param endpoint {@code _search}, {@code _count}, ...
     * @param query    the request's JSON body (then a POST), or null (a GET)
     * @return the answer, asserted to be a 200
     */
    JsonNode askIndex(String endpoint, String query) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String index = TestInfrastructure.elasticsearchUrl() + "/" + this.alias + "/";
        http.send(HttpRequest.newBuilder(URI.create(index + "_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(index + endpoint));
        if (query != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(endpoint + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
