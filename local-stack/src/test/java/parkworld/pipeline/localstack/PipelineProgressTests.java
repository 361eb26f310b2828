package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PipelineProgressTests {

    @Test
    void theLastLineSaysWhatThisRunIndexedApartFromWhatTheIndexHoldsInAll() {
        // A kept target/local-run/: 46 articles from earlier runs, 3 indexed by this one.
        assertThat(progress(true, 1, 4, Map.of(), 1, Map.of(), 3, 3, Map.of()).done(OptionalLong.of(49), "parkworld-articles"))
            .startsWith("Done: this run indexed 3 article(s); Elasticsearch index 'parkworld-articles' holds 49"
                    + " searchable in all. issues fetched 1 ");
    }

    @Test
    void aRunThatIndexedNothingSaysSoWhateverEarlierRunsLeftInTheIndex() {
        assertThat(progress(true, 0, 5, Map.of(), 0, Map.of(), 0, 0, Map.of()).done(OptionalLong.of(46), "parkworld-articles"))
            .startsWith("Done: this run indexed no articles; Elasticsearch index 'parkworld-articles' holds 46"
                    + " searchable, all from earlier runs. ");
        assertThat(progress(true, 0, 0, Map.of(), 0, Map.of(), 0, 0, Map.of()).done(OptionalLong.of(0), "parkworld-articles"))
            .startsWith("Done: this run indexed no articles; Elasticsearch index 'parkworld-articles' holds 0 searchable"
                    + " in all. ");
    }

    @Test
    void anIndexThatCouldNotBeCountedIsNotReportedAsEmpty() {
        assertThat(progress(true, 1, 4, Map.of(), 1, Map.of(), 3, 3, Map.of()).done(OptionalLong.empty(),
                "parkworld-articles"))
            .startsWith("Done: this run indexed 3 article(s); Elasticsearch index 'parkworld-articles' could not be"
                    + " counted. issues fetched 1 ")
            .doesNotContain("holds");
    }

    @Test
    void cleanRunHasNoIngestProblemAndNoDeadLetters() {
        assertThat(progress(true, 2, 0, Map.of(), 2, Map.of(), 10, 10, Map.of()).ingestProblem()).isEmpty();
        assertThat(progress(true, 0, 2, Map.of(), 0, Map.of(), 0, 0, Map.of()).ingestProblem()).isEmpty();
        assertThat(progress(true, 2, 0, Map.of(), 2, Map.of(), 10, 10, Map.of()).hasDeadLetters()).isFalse();
    }

    @Test
    void failedIssuesAreAnIngestProblemNamingTheReasons() {
        PipelineProgress progress = progress(true, 1, 0, Map.of("HTTP_STATUS", 2L, "ROBOTS_DISALLOWED", 1L), 1, Map.of(),
                5, 5, Map.of());

        assertThat(progress.issuesFailed()).isEqualTo(3);
        assertThat(progress.ingestProblem()).hasValue("3 issue(s) could not be fetched (HTTP_STATUS 2, ROBOTS_DISALLOWED 1)");
    }

    @Test
    void nothingFetchedAndNothingUnchangedIsAnIngestProblem() {
        assertThat(progress(true, 0, 0, Map.of(), 0, Map.of(), 0, 0, Map.of()).ingestProblem())
            .hasValue("no issues were found at the source");
    }

    @Test
    void deadLettersOfEitherServiceCountAsDoneWorkAndAsDeadLetters() {
        PipelineProgress parserRejected = progress(true, 2, 0, Map.of(), 1, Map.of("NOT_PDF", 1L), 5, 5, Map.of());
        PipelineProgress indexerRejected = progress(true, 1, 0, Map.of(), 1, Map.of(), 5, 3, Map.of("INDEX_REJECTED", 2L));

        assertThat(parserRejected.isSettled()).isTrue();
        assertThat(parserRejected.issuesRejected()).isEqualTo(1);
        assertThat(parserRejected.hasDeadLetters()).isTrue();
        assertThat(indexerRejected.isSettled()).isTrue();
        assertThat(indexerRejected.deadLetters()).isEqualTo(2);
        assertThat(indexerRejected.hasDeadLetters()).isTrue();
    }

    @Test
    void stuckStageIsTheFirstWithWorkOutstanding() {
        assertThat(progress(false, 0, 0, Map.of(), 0, Map.of(), 0, 0, Map.of()).stuckStage()).isEqualTo("ingest-service");
        assertThat(progress(true, 2, 0, Map.of(), 1, Map.of(), 5, 5, Map.of()).stuckStage()).isEqualTo("parser-service");
        assertThat(progress(true, 2, 0, Map.of(), 2, Map.of(), 10, 4, Map.of()).stuckStage()).isEqualTo("indexer-service");
    }

    @Test
    void summaryShowsTotalsOfEveryStage() {
        assertThat(progress(true, 2, 1, Map.of("HTTP_STATUS", 1L), 1, Map.of("NOT_PDF", 1L), 43, 42,
                Map.of("INDEX_REJECTED", 1L)).summary())
            .isEqualTo("issues fetched 2 (unchanged 1, failed 1) | parsed 1 (rejected 1) | articles 43 | indexed 42 "
                    + "(dead letters 1)");
    }

    static PipelineProgress progress(boolean runDone, long published, long unchanged, Map<String, Long> failed,
            long parsed, Map<String, Long> rejected, long extracted, long indexed, Map<String, Long> deadLetters) {
        return new PipelineProgress(runDone, published, unchanged, failed, parsed, rejected, extracted, indexed,
                deadLetters);
    }
}
