package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;

class LocalFetchTests {

    private static final String SHA256 = "4a6b1ae3caf923981d906e67b1c115ad50ae7780368532c0aa3b834424698abb";

    @Test
    void derivesTheIssueKeyAsIngestDoes() {
        assertThat(LocalFetch.issueKey(Path.of("/in/Issue-121.PDF"), SHA256)).isEqualTo("issue-121");
        assertThat(LocalFetch.issueKey(Path.of("园区周报 2023年5月(总121期).pdf"), SHA256)).isEqualTo("2023-5-121");
    }

    @Test
    void fallsBackToTheContentHashWhenTheNameHasNothingUsable() {
        assertThat(LocalFetch.issueKey(Path.of("园区周报.pdf"), SHA256)).isEqualTo("issue-4a6b1ae3caf9");
    }

    @Test
    void describesTheFileAsASchemaValidFetchedEvent(@TempDir Path dir) throws Exception {
        Path pdf = Files.writeString(dir.resolve("Issue 7.pdf"), "%PDF-1.7 not really", StandardCharsets.US_ASCII);
        Instant now = Instant.parse("2026-05-04T08:00:00Z");

        IssueFetched fetched = LocalFetch.of(pdf, now);

        assertThat(EventType.ISSUE_FETCHED.violations(EventJson.write(fetched))).isEmpty();
        assertThat(fetched.issueKey()).isEqualTo("issue-7");
        assertThat(fetched.blobUri()).isEqualTo(fetched.sourceUrl()).isEqualTo(pdf.toUri().toString());
        assertThat(fetched.sizeBytes()).isEqualTo(19);
        assertThat(fetched.sha256()).hasSize(64);
        assertThat(fetched.fetchedAt()).isEqualTo(now);
    }
}
