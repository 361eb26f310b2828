package parkworld.pipeline.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateRecordsTests {

    @Test
    void aRunSummaryWrittenBeforeDuplicatesWereCountedIsReadWithNone() {
        // As ingest-service wrote it until 2026-12-03: the topic keeps such records, and a reader must not skip them.
        String written = """
                {"formatVersion":1,"runs":[{"trigger":"startup","replica":"1@host",
                "startedAt":"2026-12-01T06:00:00Z","finishedAt":"2026-12-01T06:01:00Z","outcome":"ok","found":2,
                "announced":2,"unchanged":0,"notModified":0,"rejected":0,"failed":0,"permanentlyFailed":0,
                "reasons":[]}]}""";

        StateRecords.Value read = StateRecords.read(written.getBytes(StandardCharsets.UTF_8));

        assertThat(read.runs()).singleElement().satisfies(run -> {
            assertThat(run.found()).isEqualTo(2);
            assertThat(run.duplicates()).isZero();
        });
    }

    @Test
    void aRunSummaryKeepsItsDuplicatesThroughTheTopic() {
        RunSummary run = new RunSummary("startup", "1@host", Instant.parse("2026-12-03T06:00:00Z"),
                Instant.parse("2026-12-03T06:01:00Z"), "ok", 2, 1, 0, 0, 1, 0, 0, 0,
                List.of("issue-121 http://site/b.pdf: SAME_BYTES as issue-121 http://site/a.pdf"));

        StateRecords.Value read = StateRecords.read(StateRecords.runs(List.of(run)));

        assertThat(read.runs()).containsExactly(run);
    }
}
