package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineServicesInstancesTests {

    @Test
    void theFirstInstanceKeepsTheServiceNameAndTheOthersAreNumbered() {
        assertThat(PipelineServices.instanceName("parser-service", 1)).isEqualTo("parser-service");
        assertThat(PipelineServices.instanceName("parser-service", 2)).isEqualTo("parser-service-2");
    }

    @Test
    void eachParserInstanceHasItsOwnTransactionalIdTheSameOnEveryRun() {
        assertThat(PipelineServices.parserInstanceId(Map.of(), 1)).isEqualTo("local-1");
        assertThat(PipelineServices.parserInstanceId(Map.of(), 2)).isEqualTo("local-2");
        // With shared Kafka the run isolates its names: another laptop's parsers must not fence these.
        assertThat(PipelineServices.parserInstanceId(Map.of(RunIsolation.PARSER_INSTANCE_PROPERTY, "local-ab12cd34"), 2))
            .isEqualTo("local-ab12cd34-2");
    }

    @Test
    void onlyTheParserAndTheIndexerMayRunAsSeveralInstances() {
        assertThatThrownBy(() -> new PipelineServices.Settings(Path.of("."), "k:9092", "http://es", "src", Path.of("w"),
                Map.of(), Map.of("ingest-service", 2)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingest-service");
        assertThat(new PipelineServices.Settings(Path.of("."), "k:9092", "http://es", "src", Path.of("w"), Map.of(),
                Map.of("parser-service", 2)).instancesOf("indexer-service")).isEqualTo(1);
    }

    @Test
    void twoParserInstancesAreEachGivenOneInstanceIdOfTheirOwn() {
        // Given none or two, instances share a transactional.id (or get "a,b") and fence each other: the run then
        // parses an issue twice or not at all. The run's isolated id is the one the common arguments must not give.
        PipelineServices services = new PipelineServices(new PipelineServices.Settings(Path.of("."), "k:9092",
                "http://es", "src", Path.of("w"), Map.of(RunIsolation.PARSER_INSTANCE_PROPERTY, "local-ab12cd34",
                        "parkworld.topics.articles", "articles-ab12cd34"), Map.of("parser-service", 2)));
        for (int instance = 1; instance <= 2; instance++) {
            assertThat(services.commandLine("parser-service", instance, 8080))
                .filteredOn(arg -> arg.startsWith("--" + RunIsolation.PARSER_INSTANCE_PROPERTY + "="))
                .containsExactly("--" + RunIsolation.PARSER_INSTANCE_PROPERTY + "=local-ab12cd34-" + instance);
        }
        assertThat(services.commandLine("parser-service", 2, 8080))
            .contains("--server.port=8080", "--parkworld.topics.articles=articles-ab12cd34");
    }

    @Test
    void theTrainingStartForClassDataSharingUsesNamesOfItsOwnAndNeverRunsAnIngest() {
        // The training start goes up to readiness: with the run's names it would join the run's groups, consume its
        // records and fence its transactional ids. The run's own isolated names are replaced too.
        PipelineServices services = new PipelineServices(new PipelineServices.Settings(Path.of("."), "k:9092",
                "http://es", "src", Path.of("w"), Map.of(RunIsolation.PARSER_INSTANCE_PROPERTY, "local-ab12cd34",
                        "parkworld.topics.articles", "local-ab12cd34.parkworld.articles")));
        String training = PipelineServices.TRAINING_NAMES;

        assertThat(services.trainingCommandLine("parser-service", 8090))
            .contains("--server.port=8090", "--parkworld.topics.articles=" + training + ".parkworld.articles",
                    "--spring.cloud.stream.bindings.extractArticles-in-0.group=" + training + "-parser")
            .filteredOn(arg -> arg.startsWith("--" + RunIsolation.PARSER_INSTANCE_PROPERTY + "="))
            .containsExactly("--" + RunIsolation.PARSER_INSTANCE_PROPERTY + "=" + training + "-1");
        assertThat(services.trainingCommandLine("parser-service", 8090)).noneMatch(arg -> arg.contains("ab12cd34"));
        assertThat(services.trainingCommandLine("indexer-service", 8091))
            .contains("--spring.cloud.stream.bindings.indexArticles-in-0.group=" + training + "-indexer",
                    "--parkworld.indexer.index.name=" + training + "-parkworld-articles-v2");
        assertThat(services.trainingCommandLine("ingest-service", 8092))
            .contains("--parkworld.ingest.state.transactional-id=" + training + "-ingest")
            .filteredOn(arg -> arg.startsWith("--parkworld.ingest.schedule."))
            .containsExactlyInAnyOrder("--parkworld.ingest.schedule.run-on-startup=false",
                    "--parkworld.ingest.schedule.cron=-");
        assertThat(services.trainingCommandLine("parser-service", 8090)).noneMatch(arg -> arg.contains(".ingest.schedule."));
    }

    @Test
    void moreInstancesThanTheConsumedTopicHasPartitionsIsAProblemNamingTheCountAndWhereItIsConfigured() {
        Map<String, Integer> partitions = Map.of("parkworld.issues.fetched", 6, "local-1.parkworld.articles", 6);

        assertThat(PipelineServices.instancesBeyondPartitions(Map.of("parser-service", 7), Map.of(), partitions))
            .hasValue("7 instances of parser-service but its topic parkworld.issues.fetched has 6 partition(s)"
                    + " (bindings.kafka.partitions of its channel in article-contract/asyncapi.yaml): the others would"
                    + " consume nothing");
        assertThat(PipelineServices.instancesBeyondPartitions(Map.of("indexer-service", 7),
                Map.of("parkworld.topics.articles", "local-1.parkworld.articles"), partitions))
            .hasValueSatisfying(problem -> assertThat(problem).contains("local-1.parkworld.articles has 6 partition(s)"));
        assertThat(PipelineServices.instancesBeyondPartitions(Map.of("parser-service", 6, "indexer-service", 1), Map.of(),
                partitions)).isEmpty();
    }
}
