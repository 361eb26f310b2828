package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineProgressTests {

    @Test
    void cleanRunHasNoIngestProblem() {
        assertThat(progress(true, 2, 0, 0, 2, 0, 10, 10).ingestProblem()).isEmpty();
        assertThat(progress(true, 0, 2, 0, 0, 0, 0, 0).ingestProblem()).isEmpty();
    }

    @Test
    void failedIssuesAreAnIngestProblem() {
        assertThat(progress(true, 1, 0, 1, 1, 0, 5, 5).ingestProblem()).hasValue("1 issue(s) could not be fetched");
    }

    @Test
    void nothingFetchedAndNothingUnchangedIsAnIngestProblem() {
        assertThat(progress(true, 0, 0, 0, 0, 0, 0, 0).ingestProblem()).hasValue("no issues were found at the source");
    }

    @Test
    void stuckStageIsTheFirstWithWorkOutstanding() {
        assertThat(progress(false, 0, 0, 0, 0, 0, 0, 0).stuckStage()).isEqualTo("ingest-service");
        assertThat(progress(true, 2, 0, 0, 1, 0, 5, 5).stuckStage()).isEqualTo("parser-service");
        assertThat(progress(true, 2, 0, 0, 2, 0, 10, 4).stuckStage()).isEqualTo("indexer-service");
    }

    private static PipelineProgress progress(boolean runDone, long published, long unchanged, long failed,
            long parsed, long rejected, long extracted, long indexed) {
        return new PipelineProgress(runDone, published, unchanged, failed, parsed, rejected, extracted, indexed, 0);
    }
}
