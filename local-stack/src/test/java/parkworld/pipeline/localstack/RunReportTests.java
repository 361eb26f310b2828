package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.localstack.PipelineProgressTests.progress;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTests {

    private static final String KAFKA = "127.0.0.1:40123";
    private static final Path LOGS = Path.of("target", "local-run", "logs");

    @Test
    void cleanRunReportsNothingAndExitsZero() {
        RunReport report = report(progress(true, 1, 0, Map.of(), 1, Map.of(), 43, 43, Map.of()));

        assertThat(report.isClean()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.exitStatus()).isEqualTo(LocalPipeline.EXIT_CLEAN).isZero();
    }

    @Test
    void unchangedIssuesAreACleanRun() {
        assertThat(report(progress(true, 0, 1, Map.of(), 0, Map.of(), 0, 0, Map.of())).exitStatus()).isZero();
    }

    @Test
    void parserDeadLettersArePerReasonWithTheCommandToReadThemAndExitThree() {
        RunReport report = report(progress(true, 3, 0, Map.of(), 1, Map.of("NOT_PDF", 1L, "ENCRYPTED", 1L), 43, 43,
                Map.of()));

        assertThat(report.problems()).containsExactly(
                "parser-service dead-lettered 2 issue record(s): ENCRYPTED 1, NOT_PDF 1",
                "  read them: deploy/dead-letters list --bootstrap-servers 127.0.0.1:40123 --topic local-x.parkworld.parser.dlq");
        assertThat(report.exitStatus()).isEqualTo(LocalPipeline.EXIT_DEAD_LETTERS).isEqualTo(3);
    }

    @Test
    void indexerDeadLettersAreReportedOnTheIndexerTopic() {
        RunReport report = report(progress(true, 1, 0, Map.of(), 1, Map.of(), 43, 41, Map.of("INDEX_REJECTED", 2L)));

        assertThat(report.problems()).containsExactly(
                "indexer-service dead-lettered 2 article record(s): INDEX_REJECTED 2",
                "  read them: deploy/dead-letters list --bootstrap-servers 127.0.0.1:40123 --topic local-x.parkworld.indexer.dlq");
        assertThat(report.exitStatus()).isEqualTo(3);
    }

    @Test
    void ingestFailuresArePerReasonAndWinOverDeadLetters() {
        RunReport report = report(progress(true, 1, 0, Map.of("HTTP_STATUS", 1L), 0, Map.of("NOT_PDF", 1L), 0, 0,
                Map.of()));

        assertThat(report.problems()).hasSize(3).first().asString()
            .isEqualTo("ingest-service: 1 issue(s) could not be fetched (HTTP_STATUS 1); see "
                    + LOGS.resolve("ingest-service.log"));
        assertThat(report.problems().get(1)).startsWith("parser-service dead-lettered 1 issue record(s): NOT_PDF 1");
        assertThat(report.exitStatus()).isEqualTo(LocalPipeline.EXIT_FAILED).isEqualTo(1);
        assertThat(report.hasDeadLetters()).as("still says there are dead letters to read").isTrue();
    }

    @Test
    void aSourceWithoutIssuesIsAFailure() {
        RunReport report = report(progress(true, 0, 0, Map.of(), 0, Map.of(), 0, 0, Map.of()));

        assertThat(report.problems()).singleElement().asString().contains("no issues were found at the source");
        assertThat(report.exitStatus()).isEqualTo(1);
    }

    @Test
    void deadLettersAfterTheFirstIngestAreReportedAsNewProblemsWithTheCommandToReadThem() {
        PipelineProgress done = progress(true, 1, 0, Map.of(), 1, Map.of(), 43, 43, Map.of());
        PipelineProgress later = progress(true, 1, 0, Map.of(), 1, Map.of(), 46, 43, Map.of("MALFORMED_EVENT", 3L));

        assertThat(RunReport.newProblems(done, done, KAFKA, "p.dlq", "i.dlq", LOGS)).isEmpty();
        assertThat(RunReport.newProblems(done, later, KAFKA, "p.dlq", "i.dlq", LOGS)).containsExactly(
                "indexer-service dead-lettered 3 more article record(s) (now MALFORMED_EVENT 3); read them: "
                        + "deploy/dead-letters list --bootstrap-servers 127.0.0.1:40123 --topic i.dlq");
    }

    @Test
    void newIngestFailuresAndParserDeadLettersAreOneLineEach() {
        PipelineProgress done = progress(true, 1, 0, Map.of(), 1, Map.of("NOT_PDF", 1L), 43, 43, Map.of());
        PipelineProgress later = progress(true, 2, 0, Map.of("HTTP_STATUS", 2L), 1, Map.of("NOT_PDF", 2L), 43, 43,
                Map.of());

        assertThat(RunReport.newProblems(done, later, KAFKA, "p.dlq", "i.dlq", LOGS)).containsExactly(
                "ingest-service: 2 more issue(s) could not be fetched (now HTTP_STATUS 2); see "
                        + LOGS.resolve("ingest-service.log"),
                "parser-service dead-lettered 1 more issue record(s) (now NOT_PDF 2); read them: "
                        + "deploy/dead-letters list --bootstrap-servers 127.0.0.1:40123 --topic p.dlq");
    }

    private static RunReport report(PipelineProgress progress) {
        return RunReport.of(progress, KAFKA, "local-x.parkworld.parser.dlq", "local-x.parkworld.indexer.dlq", LOGS);
    }
}
