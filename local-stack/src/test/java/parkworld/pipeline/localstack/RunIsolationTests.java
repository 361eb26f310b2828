package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.Topics;

class RunIsolationTests {

    @Test
    void runWithItsOwnKafkaAndElasticsearchKeepsTheRealNames() {
        assertThat(RunIsolation.properties(RunOptions.parse("--source=fixtures"), "ab12cd34")).isEmpty();
    }

    @Test
    void sharedKafkaGetsPrefixedTopicsGroupsAndIndex() {
        var properties = RunIsolation.properties(RunOptions.parse("--kafka=broker:9092"), "ab12cd34");

        assertThat(properties).containsOnly(
                entry("parkworld.topics.issues-fetched", "local-ab12cd34.parkworld.issues.fetched"),
                entry("parkworld.topics.articles", "local-ab12cd34.parkworld.articles"),
                entry("parkworld.topics.issues-parsed", "local-ab12cd34.parkworld.issues.parsed"),
                entry("parkworld.topics.parser-dead-letter", "local-ab12cd34.parkworld.parser.dlq"),
                entry("parkworld.topics.indexer-dead-letter", "local-ab12cd34.parkworld.indexer.dlq"),
                entry("parkworld.topics.ingest-state", "local-ab12cd34.parkworld.ingest.state"),
                entry("parkworld.ingest.state.transactional-id", "local-ab12cd34-ingest"),
                entry("parkworld.parser.instance-id", "local-ab12cd34"),
                entry("spring.cloud.stream.bindings.extractArticles-in-0.group", "local-ab12cd34-parser"),
                entry("spring.cloud.stream.bindings.indexArticles-in-0.group", "local-ab12cd34-indexer"),
                entry("spring.cloud.stream.bindings.replaceIssues-in-0.group", "local-ab12cd34-indexer-issues"),
                entry("parkworld.indexer.index.alias", "local-ab12cd34-parkworld-articles"),
                entry("parkworld.indexer.index.name", "local-ab12cd34-parkworld-articles-v2"));
    }

    @Test
    void everyTopicOfTheContractIsIsolated() {
        var properties = RunIsolation.properties(RunOptions.parse("--kafka=broker:9092"), "ab12cd34");

        assertThat(RunIsolation.contractTopics()).isNotEmpty().allSatisfy((property, topic) ->
                assertThat(properties).containsEntry(property, "local-ab12cd34." + topic));
        assertThat(RunIsolation.contractTopics()).containsValues(Topics.ISSUES_FETCHED, Topics.ARTICLES,
                Topics.ISSUES_PARSED, Topics.PARSER_DEAD_LETTER, Topics.INDEXER_DEAD_LETTER);
    }

    @Test
    void sharedElasticsearchAloneIsolatesTheWholeRun() {
        assertThat(RunIsolation.properties(RunOptions.parse("--elasticsearch=http://es:9200"), "ab12cd34"))
                .containsEntry("spring.cloud.stream.bindings.extractArticles-in-0.group", "local-ab12cd34-parser")
                .containsEntry("parkworld.indexer.index.alias", "local-ab12cd34-parkworld-articles");
    }

    @Test
    void queriedAliasIsTheOneGivenToTheIndexer() {
        var isolated = RunIsolation.properties(RunOptions.parse("--kafka=b:9092"), "ab12cd34");

        assertThat(RunIsolation.alias(isolated)).isEqualTo("local-ab12cd34-parkworld-articles");
        assertThat(RunIsolation.alias(Map.of())).isEqualTo("parkworld-articles");
    }

    @Test
    void deadLetterTopicsAreTheOnesGivenToTheServices() {
        var isolated = RunIsolation.properties(RunOptions.parse("--kafka=b:9092"), "ab12cd34");

        assertThat(RunIsolation.parserDeadLetterTopic(isolated)).isEqualTo("local-ab12cd34.parkworld.parser.dlq");
        assertThat(RunIsolation.indexerDeadLetterTopic(isolated)).isEqualTo("local-ab12cd34.parkworld.indexer.dlq");
        assertThat(RunIsolation.parserDeadLetterTopic(Map.of())).isEqualTo(Topics.PARSER_DEAD_LETTER);
        assertThat(RunIsolation.indexerDeadLetterTopic(Map.of())).isEqualTo(Topics.INDEXER_DEAD_LETTER);
    }

    @Test
    void everyRunGetsADifferentId() {
        assertThat(RunIsolation.newRunId()).matches("[0-9a-f]{8}").isNotEqualTo(RunIsolation.newRunId());
    }
}
