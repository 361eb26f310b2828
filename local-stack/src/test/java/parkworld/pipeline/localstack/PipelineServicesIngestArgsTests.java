package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineServicesIngestArgsTests {

    private static final Path BLOBS = Path.of("/tmp/blobs");

    @Test
    void aFolderSourceIsTheFolderAnOperatorMayBackfill(@TempDir Path folder) {
        assertThat(PipelineServices.ingestArgs(folder.toString(), BLOBS))
            .contains("--parkworld.ingest.source.location=" + folder,
                    "--parkworld.ingest.operator.backfill-folder=" + folder);
    }

    @Test
    void aWebSourceOrASingleFileAllowsNoFolderBackfill(@TempDir Path folder) throws Exception {
        Path pdf = java.nio.file.Files.writeString(folder.resolve("issue.pdf"), "%PDF-");
        assertThat(PipelineServices.ingestArgs("https://www.parkworld.net/", BLOBS))
            .noneMatch(arg -> arg.startsWith("--parkworld.ingest.operator.backfill-folder"));
        assertThat(PipelineServices.ingestArgs(pdf.toString(), BLOBS))
            .noneMatch(arg -> arg.startsWith("--parkworld.ingest.operator.backfill-folder"));
    }

    @Test
    void aBackfillFolderTheCallerGivesReplacesTheFolderSourcesOwnInsteadOfBeingJoinedToIt(@TempDir Path folder) {
        String given = "--parkworld.ingest.operator.backfill-folder=/corpus";
        java.util.List<String> args = PipelineServices.arguments(java.util.List.of("--server.port=1", given),
                PipelineServices.ingestArgs(folder.toString(), BLOBS));
        assertThat(args).filteredOn(arg -> arg.startsWith("--parkworld.ingest.operator.backfill-folder="))
            .containsExactly(given);
        assertThat(args).contains("--parkworld.ingest.source.location=" + folder, "--server.port=1");
    }

    @Test
    void aDefaultTheCommonArgumentsDoNotGiveIsKept() {
        // The parser's instance id is left out of the common arguments and given per instance: two instances
        // given the same one would share a transactional.id and fence each other.
        assertThat(PipelineServices.arguments(java.util.List.of("--server.port=1"),
                java.util.List.of("--parkworld.parser.instance-id=run-2")))
            .containsExactly("--server.port=1", "--parkworld.parser.instance-id=run-2");
    }
}
