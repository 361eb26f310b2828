package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.contract.ContractSamples;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.pipeline.OutputRules;
import parkworld.pipeline.parser.structure.IssueMetadata;
import parkworld.pipeline.parser.structure.ParsedArticle;
import parkworld.pipeline.parser.structure.ParsedIssue;

/**
 * The parser is a consumer of {@code IssueFetched}: an event of a newer minor version of the ingest-service (fields
 * added at the top level and nested) must be parsed exactly like one of the shape it was built for.
 */
class IssueFetchedCompatibilityTests {

    @TempDir
    Path blobs;

    private final ParseWorkers threads = new ParseWorkers(2, java.time.Clock.systemUTC());
    private final List<IssueOutput> published = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();

    @AfterEach
    void stop() {
        this.threads.close();
    }

    @ParameterizedTest
    @EnumSource(ContractSamples.Shape.class)
    void parsesAnIssueFetchedOfEveryShapeTheContractAllows(ContractSamples.Shape shape) throws Exception {
        Path pdf = Files.write(this.blobs.resolve("issue-121.pdf"), new byte[] { '%', 'P', 'D', 'F' });
        String sample = new String(ContractSamples.of(EventType.ISSUE_FETCHED, shape), StandardCharsets.UTF_8)
            .replaceFirst("\"blobUri\"\\s*:\\s*\"[^\"]+\"", "\"blobUri\": \"" + pdf.toUri() + "\"");

        processor().process(new ConsumedRecord("parkworld.issues.fetched", 0, 1,
                "issue-121".getBytes(StandardCharsets.UTF_8), sample.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(this.deadLetters).as("dead letters").isEmpty();
        assertThat(this.published).singleElement().satisfies(output -> {
            assertThat(output.events().summary().issueKey()).isEqualTo("issue-121");
            assertThat(output.events().articles()).singleElement()
                .satisfies(article -> assertThat(article.issue().sourceUrl())
                    .isEqualTo("https://www.parkworld.net/uploads/issue-121.pdf"));
        });
    }

    @org.junit.jupiter.api.Test
    void deadLettersAnIssueFetchedThatBreaksItsSchemaAsMalformed() throws Exception {
        String withoutHash = new String(ContractSamples.of(EventType.ISSUE_FETCHED, ContractSamples.Shape.NEWER),
                StandardCharsets.UTF_8).replaceFirst("\"sha256\"\\s*:\\s*\"[0-9a-f]+\",", "");

        processor().process(new ConsumedRecord("parkworld.issues.fetched", 0, 2, null,
                withoutHash.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(this.deadLetters).singleElement().asString().startsWith("MALFORMED_EVENT: not a valid IssueFetched")
            .contains("sha256");
        assertThat(this.published).isEmpty();
    }

    private IssueProcessor processor() {
        IssuePipeline.IssueReader reader = file -> new ParsedIssue(new IssueMetadata(121, 2023, 5, 4, "园区周报"),
                List.of(new ParsedArticle(1, "招商引资", "甲项目签约", "", "正文（中山市政府网站）", "中山市政府网站", 1)), List.of(), 1);
        IssuePipeline pipeline = new IssuePipeline(reader, this.threads, Duration.ofSeconds(10), OutputRules.DEFAULTS,
                "test");
        return new IssueProcessor(pipeline, store(this.blobs), this.published::add,
                (record, reason, message, subject) -> this.deadLetters.add(reason + ": " + message), Runnable::run,
                Clock.fixed(Instant.parse("2023-05-30T08:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    private static LocalDirectoryBlobStore store(Path directory) {
        try {
            return new LocalDirectoryBlobStore(directory);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
