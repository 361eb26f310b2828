package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run command reads the meters the contract names (PipelineMeters), from sample scrapes of each service. */
class PipelineServicesProgressTests {

    private static final String INGEST = """
            parkworld_ingest_run_duration_seconds_count{outcome="partial",service="ingest-service"} 1
            parkworld_ingest_issues_total{outcome="published",reason="",service="ingest-service"} 2.0
            parkworld_ingest_issues_total{outcome="unchanged",reason="",service="ingest-service"} 1.0
            parkworld_ingest_issues_total{outcome="failed",reason="HTTP_STATUS",service="ingest-service"} 1.0
            """;
    private static final String PARSER = """
            parkworld_parser_issues_total{outcome="parsed",service="parser-service"} 1.0
            parkworld_parser_articles_total{service="parser-service"} 43.0
            parkworld_dead_letters_total{reason="NOT_PDF",service="parser-service"} 1.0
            """;
    private static final String INDEXER = """
            parkworld_indexer_articles_indexed_total{service="indexer-service"} 40.0
            parkworld_indexer_articles_stale_total{service="indexer-service"} 1.0
            parkworld_dead_letters_total{reason="INDEX_REJECTED",service="indexer-service"} 2.0
            """;

    @Test
    void readsEveryStageAndTheDeadLettersPerReasonFromEachService() {
        PipelineProgress progress = PipelineServices.progress(INGEST, PARSER, INDEXER);

        assertThat(progress).isEqualTo(new PipelineProgress(true, 2, 1, Map.of("HTTP_STATUS", 1L), 1,
                Map.of("NOT_PDF", 1L), 43, 41, Map.of("INDEX_REJECTED", 2L)));
        assertThat(progress.isSettled()).isTrue();
    }

    @Test
    void theSecondUrlOfTheSameBytesCountsAsUnchanged() {
        String ingest = """
                parkworld_ingest_run_duration_seconds_count{outcome="ok",service="ingest-service"} 1
                parkworld_ingest_issues_total{outcome="published",reason="none",service="ingest-service"} 1.0
                parkworld_ingest_issues_total{outcome="duplicate",reason="SAME_BYTES",service="ingest-service"} 1.0
                """;

        PipelineProgress progress = PipelineServices.progress(ingest, "", "");

        assertThat(progress.issuesPublished()).isEqualTo(1);
        assertThat(progress.issuesUnchanged()).isEqualTo(1);
        assertThat(progress.ingestFailures()).isEmpty();
    }

    @Test
    void aRunWhoseDiscoveryFailedIsAnIngestFailureNotNothingFound() {
        // The source answered the pre-flight check, then no listing page could be read.
        String ingest = """
                parkworld_ingest_run_duration_seconds_count{outcome="failed",service="ingest-service"} 1
                parkworld_ingest_issues_total{outcome="discovery_failed",reason="discovery",service="ingest-service"} 1.0
                """;

        PipelineProgress progress = PipelineServices.progress(ingest, "", "");

        assertThat(progress.ingestFailures()).containsExactly(Map.entry("DISCOVERY_FAILED", 1L));
        assertThat(progress.ingestProblem()).hasValueSatisfying(problem -> assertThat(problem)
            .isEqualTo("the source could not be read: 1 run(s) found no listing page (DISCOVERY_FAILED)"));
    }

    @Test
    void legacyFailureMetersAreNotDeadLetters() {
        // parkworld.parser.failures and parkworld.indexer.dead.letters were replaced by parkworld.dead.letters.
        PipelineProgress progress = PipelineServices.progress(INGEST,
                "parkworld_parser_failures_total{reason=\"NOT_PDF\",service=\"parser-service\"} 1.0\n",
                "parkworld_indexer_dead_letters_total{reason=\"INDEX_REJECTED\",service=\"indexer-service\"} 1.0\n");

        assertThat(progress.parserDeadLetters()).isEmpty();
        assertThat(progress.indexerDeadLetters()).isEmpty();
    }

    @Test
    void unreadableScrapesMeanNothingHappenedYet() {
        PipelineProgress progress = PipelineServices.progress("", "", "");

        assertThat(progress.ingestRunDone()).isFalse();
        assertThat(progress.isSettled()).isFalse();
        assertThat(progress.stuckStage()).isEqualTo("ingest-service");
    }
}
