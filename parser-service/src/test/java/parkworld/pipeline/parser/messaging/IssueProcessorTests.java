package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pdf.RejectionReason;
import parkworld.pipeline.parser.publish.IssueEvents;
import parkworld.pipeline.parser.structure.IssueMetadata;
import parkworld.pipeline.parser.structure.ParsedArticle;
import parkworld.pipeline.parser.structure.ParsedIssue;

class IssueProcessorTests {

    @TempDir
    Path blobs;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<IssueEvents> published = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2023-05-30T08:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stop() {
        this.threads.shutdownNow();
    }

    private IssueProcessor processor(IssueProcessor.IssueReader reader, Duration timeLimit) {
        return new IssueProcessor(reader, this.blobs, this.published::add,
                (record, reason, message) -> this.deadLetters.add(reason + " " + new String(record.payload(), StandardCharsets.UTF_8)),
                this.threads, timeLimit, "test", this.clock, this.meters);
    }

    private IssueProcessor.IncomingRecord fetchedRecord(Path pdf) {
        IssueFetched fetched = new IssueFetched(1, "issue-121", pdf.toUri().toString(), "http://127.0.0.1/issue-121.pdf",
                "0".repeat(64), 10, Instant.EPOCH);
        return new IssueProcessor.IncomingRecord(EventJson.write(fetched), "parkworld.issues.fetched", 0, 7);
    }

    private static ParsedIssue twoArticles(Path pdf) {
        return new ParsedIssue(new IssueMetadata(121, 2023, 5, 4, "园区周报"), List.of(
                new ParsedArticle(1, "招商引资", "甲", "", "正文（中山市政府网站）", "中山市政府网站", 1),
                new ParsedArticle(2, "综合资讯", "乙", "导语", "正文", null, 2)), List.of("TOC lists 3 articles, found 2"), 3);
    }

    @Test
    void publishesArticlesThenSummaryWithTheSameParseTime() throws Exception {
        Path pdf = Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });

        processor(IssueProcessorTests::twoArticles, Duration.ofSeconds(5)).process(fetchedRecord(pdf));

        IssueEvents events = this.published.get(0);
        assertThat(events.articles()).extracting(ArticleExtracted::title).containsExactly("甲", "乙");
        assertThat(events.articles()).allSatisfy(a -> {
            assertThat(a.parsedAt()).isEqualTo(this.clock.instant());
            assertThat(EventType.ARTICLE_EXTRACTED.violations(EventJson.write(a))).as("schema violations").isEmpty();
        });
        assertThat(events.summary().articleIds()).containsExactlyElementsOf(
                events.articles().stream().map(ArticleExtracted::articleId).toList());
        assertThat(events.summary().articlesPerSection()).containsEntry("招商引资", 1).containsEntry("综合资讯", 1);
        assertThat(events.summary().warnings()).containsExactly("TOC lists 3 articles, found 2");
        assertThat(EventType.ISSUE_PARSED.violations(EventJson.write(events.summary()))).isEmpty();
        assertThat(this.deadLetters).isEmpty();
    }

    @Test
    void deadLettersMalformedEventWithItsOriginalPayload() throws Exception {
        processor(IssueProcessorTests::twoArticles, Duration.ofSeconds(5))
            .process(new IssueProcessor.IncomingRecord("not json".getBytes(StandardCharsets.UTF_8), "t", 0, 1));

        assertThat(this.deadLetters).containsExactly("MALFORMED_EVENT not json");
        assertThat(this.meters.counter("parkworld.parser.failures", "reason", "MALFORMED_EVENT").count()).isEqualTo(1);
    }

    @Test
    void deadLettersRejectedPdfWithTheRejectionReason() throws Exception {
        Path pdf = Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });

        processor(p -> {
            throw new IssueRejectedException(RejectionReason.ENCRYPTED, "password protected");
        }, Duration.ofSeconds(5)).process(fetchedRecord(pdf));

        assertThat(this.deadLetters).singleElement().asString().startsWith("ENCRYPTED {");
        assertThat(this.published).isEmpty();
    }

    @Test
    void deadLettersIssueWhoseBlobIsGone() throws Exception {
        processor(IssueProcessorTests::twoArticles, Duration.ofSeconds(5))
            .process(fetchedRecord(this.blobs.resolve("missing.pdf")));

        assertThat(this.deadLetters).singleElement().asString().startsWith("BLOB_MISSING");
    }

    @Test
    void abandonsParseThatExceedsTheTimeLimit() throws Exception {
        Path pdf = Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });
        CountDownLatch never = new CountDownLatch(1);

        processor(p -> {
            never.await();
            return null;
        }, Duration.ofMillis(50)).process(fetchedRecord(pdf));

        assertThat(this.deadLetters).singleElement().asString().startsWith("TIMEOUT");
    }

    @Test
    void deadLettersParserBugAsParserErrorNotAsDamagedInput() throws Exception {
        Path pdf = Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });

        processor(p -> {
            throw new IllegalStateException("index out of range in ArticleExtractor");
        }, Duration.ofSeconds(5)).process(fetchedRecord(pdf));

        assertThat(this.deadLetters).singleElement().asString().startsWith("PARSER_ERROR");
        assertThat(this.meters.counter("parkworld.parser.failures", "reason", "PARSER_ERROR").count()).isEqualTo(1);
    }

    @Test
    void letsAPublishFailurePropagateSoTheRecordIsRedeliveredNotDeadLettered() throws Exception {
        Path pdf = Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });
        IssueProcessor processor = new IssueProcessor(IssueProcessorTests::twoArticles, this.blobs, events -> {
            throw new IllegalStateException("broker unavailable");
        }, (record, reason, message) -> this.deadLetters.add(reason), this.threads, Duration.ofSeconds(5), "test",
                this.clock, this.meters);

        assertThatThrownBy(() -> processor.process(fetchedRecord(pdf))).hasMessageContaining("broker unavailable");
        assertThat(this.deadLetters).isEmpty();
        assertThat(this.meters.find("parkworld.parser.issues").counter()).as("issue not counted as parsed").isNull();
    }

    @Test
    void refusesBlobOutsideTheBlobStore(@TempDir Path elsewhere) throws Exception {
        Path secret = Files.write(elsewhere.resolve("secret.pdf"), new byte[] { 1 });

        processor(IssueProcessorTests::twoArticles, Duration.ofSeconds(5)).process(fetchedRecord(secret));

        assertThat(this.deadLetters).singleElement().asString().startsWith("BLOB_OUTSIDE_STORE");
        assertThat(this.published).isEmpty();
    }

    @Test
    void parsesWithTheIssueKeyInTheLogContext() throws Exception {
        Path pdf = Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });
        List<String> seen = new ArrayList<>();

        processor(p -> {
            seen.add(org.slf4j.MDC.get("issueKey"));
            return twoArticles(p);
        }, Duration.ofSeconds(5)).process(fetchedRecord(pdf));

        assertThat(seen).containsExactly("issue-121");
    }
}
