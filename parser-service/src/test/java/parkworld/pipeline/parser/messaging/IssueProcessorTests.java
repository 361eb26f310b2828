package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.blob.LocalDirectoryBlobStore;
import parkworld.pipeline.blob.StoredBlob;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.pipeline.OutputRules;
import parkworld.pipeline.parser.structure.IssueMetadata;
import parkworld.pipeline.parser.structure.ParsedArticle;
import parkworld.pipeline.parser.structure.ParsedIssue;

class IssueProcessorTests {

    @TempDir
    Path blobs;

    /**
     * The time limit of the tests that are not about it: generous, so a test run on a loaded machine (a parse of the
     * two-article issue took over 5 s at load 30) does not time out for the wrong reason.
     */
    private static final Duration GENEROUS_LIMIT = Duration.ofMinutes(2);

    private final ParseWorkers threads = new ParseWorkers(2, java.time.Clock.systemUTC());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<IssueOutput> published = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    /** Actions deferred until "the transaction committed"; run by the test. */
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2023-05-30T08:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stop() {
        this.threads.close();
    }

    private IssueProcessor processor(IssuePipeline.IssueReader reader, Duration timeLimit) {
        return processor(reader, timeLimit, this.published::add);
    }

    private IssueProcessor processor(IssuePipeline.IssueReader reader, Duration timeLimit,
            IssueProcessor.IssueEventSink sink) {
        IssuePipeline pipeline = new IssuePipeline(reader, this.threads, timeLimit, OutputRules.DEFAULTS, "test");
        return new IssueProcessor(pipeline, store(this.blobs), sink, (record, reason, message, subject) -> this.deadLetters
            .add(reason + " " + new String(record.value(), StandardCharsets.UTF_8)), this.afterCommit::add, this.clock,
                this.meters);
    }

    private static ConsumedRecord record(byte[] value) {
        return new ConsumedRecord("parkworld.issues.fetched", 0, 7, "issue-121".getBytes(StandardCharsets.UTF_8),
                value, Map.of());
    }

    private ConsumedRecord fetchedRecord(Path pdf) {
        IssueFetched fetched = new IssueFetched(1, "issue-121", pdf.toUri().toString(), "http://127.0.0.1/issue-121.pdf",
                "0".repeat(64), 10, Instant.EPOCH);
        return record(EventJson.write(fetched));
    }

    private static ParsedIssue twoArticles(Path pdf) {
        return new ParsedIssue(new IssueMetadata(121, 2023, 5, 4, "园区周报"), List.of(
                new ParsedArticle(1, "招商引资", "甲", "", "正文（中山市政府网站）", "中山市政府网站", 1),
                new ParsedArticle(2, "综合资讯", "乙", "导语", "正文", null, 2)), List.of("TOC lists 3 articles, found 2"), 3);
    }

    private Path pdf() throws Exception {
        return Files.write(this.blobs.resolve("a.pdf"), new byte[] { 1 });
    }

    @Test
    void publishesArticlesThenSummaryWithTheSameParseTime() throws Exception {
        processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT).process(fetchedRecord(pdf()));

        IssueOutput output = this.published.get(0);
        assertThat(output.events().articles()).extracting(ArticleExtracted::title).containsExactly("甲", "乙");
        assertThat(output.articles()).extracting(r -> r.key())
            .containsExactlyElementsOf(output.events().summary().articleIds());
        assertThat(output.events().articles()).allSatisfy(a -> assertThat(a.parsedAt()).isEqualTo(this.clock.instant()));
        assertThat(output.events().summary().warnings()).containsExactly("TOC lists 3 articles, found 2");
        assertThat(this.deadLetters).isEmpty();
    }

    @Test
    void countsPublishedArticlesAndIssuesOnlyOnceTheTransactionCommitted() throws Exception {
        processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT).process(fetchedRecord(pdf()));

        assertThat(this.meters.find(PipelineMeters.PARSER_ISSUES).counter()).as("before commit").isNull();
        assertThat(this.meters.find(PipelineMeters.PARSER_ARTICLES).counter()).as("before commit").isNull();
        this.afterCommit.forEach(Runnable::run);
        assertThat(this.meters.counter(PipelineMeters.PARSER_ISSUES, PipelineMeters.TAG_OUTCOME, "parsed").count())
            .isEqualTo(1);
        assertThat(this.meters.counter(PipelineMeters.PARSER_ARTICLES).count()).isEqualTo(2);
    }

    @Test
    void countsADegradedIssueUnderItsOwnOutcomeOnceCommitted() throws Exception {
        IssueParsed.Quality degraded = new IssueParsed.Quality(4, 1, 0.25, 0, Map.of("招商引资", 4), List.of(), true,
                List.of("only 1 of 4 table-of-contents entries (25%) match an article"));
        processor(pdf -> {
            ParsedIssue issue = twoArticles(pdf);
            return new ParsedIssue(issue.metadata(), issue.articles(), issue.warnings(), issue.pageCount(), degraded);
        }, GENEROUS_LIMIT).process(fetchedRecord(pdf()));

        assertThat(this.published).as("published all the same").hasSize(1);
        assertThat(this.published.get(0).events().summary().quality()).as("quality in the summary").isEqualTo(degraded);
        assertThat(this.meters.find(PipelineMeters.PARSER_ISSUES).counter()).as("before commit").isNull();
        this.afterCommit.forEach(Runnable::run);
        assertThat(this.meters.counter(PipelineMeters.PARSER_ISSUES, PipelineMeters.TAG_OUTCOME, "degraded").count())
            .as("degraded").isEqualTo(1);
        assertThat(this.meters.find(PipelineMeters.PARSER_ISSUES).tag(PipelineMeters.TAG_OUTCOME, "parsed").counter())
            .as("not also counted as parsed").isNull();
    }

    @Test
    void logsADegradedIssueAsAWarningWithItsIdSerialAndEveryReasonOnceCommitted() throws Exception {
        List<String> reasons = List.of("only 1 of 4 table-of-contents entries (25%) match an article",
                "2 of 2 pages have text no article took");
        IssueParsed.Quality degraded = new IssueParsed.Quality(4, 1, 0.25, 0, Map.of("招商引资", 4), List.of(1, 2), true,
                reasons);
        ListAppender<ILoggingEvent> logged = capture();
        try {
            processor(pdf -> {
                ParsedIssue issue = twoArticles(pdf);
                return new ParsedIssue(issue.metadata(), issue.articles(), issue.warnings(), issue.pageCount(),
                        degraded);
            }, GENEROUS_LIMIT).process(fetchedRecord(pdf()));
            assertThat(degradedLines(logged)).as("before commit").isEmpty();

            this.afterCommit.forEach(Runnable::run);

            assertThat(degradedLines(logged)).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.WARN);
                assertThat(line.getFormattedMessage()).contains("Issue issue-121 (serial 121)", "degraded",
                        "parkworld.parser.quality.", reasons.get(0), reasons.get(1));
            });
        }
        finally {
            release(logged);
        }
    }

    @Test
    void logsNoDegradedLineForAnIssueThatIsNotDegraded() throws Exception {
        ListAppender<ILoggingEvent> logged = capture();
        try {
            processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT).process(fetchedRecord(pdf()));
            this.afterCommit.forEach(Runnable::run);

            assertThat(logged.list).as("the published line is there").anyMatch(line -> line.getLevel() == Level.INFO
                    && line.getFormattedMessage().startsWith("Issue issue-121 (serial 121) published:"));
            assertThat(degradedLines(logged)).isEmpty();
        }
        finally {
            release(logged);
        }
    }

    /** What the processor logs from now on, kept in memory. */
    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(IssueProcessor.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(IssueProcessor.class)).detachAppender(appender);
        appender.stop();
    }

    private static List<ILoggingEvent> degradedLines(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().filter(line -> line.getFormattedMessage().contains("degraded")).toList();
    }

    @Test
    void deadLettersMalformedEventWithItsOriginalPayload() throws Exception {
        processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT)
            .process(record("not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(this.deadLetters).containsExactly("MALFORMED_EVENT not json");
    }

    @Test
    void deadLettersRejectedPdfWithTheRejectionReason() throws Exception {
        processor(p -> {
            throw new IssueRejectedException(DeadLetterReason.ENCRYPTED, "password protected");
        }, GENEROUS_LIMIT).process(fetchedRecord(pdf()));

        assertThat(this.deadLetters).singleElement().asString().startsWith("ENCRYPTED {");
        assertThat(this.published).isEmpty();
    }

    @Test
    void deadLettersIssueWhoseBlobIsGone() throws Exception {
        processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT)
            .process(fetchedRecord(this.blobs.resolve("missing.pdf")));

        assertThat(this.deadLetters).singleElement().asString().startsWith("BLOB_MISSING");
    }

    @Test
    void abandonsParseThatExceedsTheTimeLimit() throws Exception {
        CountDownLatch never = new CountDownLatch(1);

        processor(p -> {
            never.await();
            return null;
        }, Duration.ofMillis(50)).process(fetchedRecord(pdf()));

        assertThat(this.deadLetters).singleElement().asString().startsWith("TIMEOUT");
        assertThat(this.meters.find(PipelineMeters.PARSER_PARSE_DURATION).tag(PipelineMeters.TAG_OUTCOME, "timeout")
            .timer().count()).isEqualTo(1);
    }

    @Test
    void deadLettersParserBugAsParserErrorNotAsDamagedInput() throws Exception {
        processor(p -> {
            throw new IllegalStateException("index out of range in ArticleExtractor");
        }, GENEROUS_LIMIT).process(fetchedRecord(pdf()));

        assertThat(this.deadLetters).singleElement().asString().startsWith("PARSER_ERROR");
    }

    @Test
    void letsAPublishFailurePropagateSoTheTransactionAbortsAndNothingIsCounted() throws Exception {
        IssueProcessor processor = processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT, output -> {
            throw new IllegalStateException("broker unavailable");
        });

        assertThatThrownBy(() -> processor.process(fetchedRecord(pdf()))).hasMessageContaining("broker unavailable");
        assertThat(this.deadLetters).isEmpty();
        assertThat(this.afterCommit).as("nothing to count after an aborted transaction").isEmpty();
    }

    @Test
    void letsABlobStoreFailurePropagateSoTheRecordIsRetriedNotDeadLettered() throws Exception {
        IssuePipeline pipeline = new IssuePipeline(IssueProcessorTests::twoArticles, this.threads, GENEROUS_LIMIT,
                OutputRules.DEFAULTS, "test");
        BlobStore unreachable = new BlobStore() {

            @Override
            public StoredBlob put(Path file, String sha256, long sizeBytes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.io.InputStream open(java.net.URI blob) throws java.io.IOException {
                throw new java.io.IOException("Cannot reach S3 (reading " + blob + " at http://127.0.0.1:9)");
            }

            @Override
            public StoredBlob stat(java.net.URI blob) throws java.io.IOException {
                throw new java.io.IOException("Cannot reach S3 (looking up " + blob + " at http://127.0.0.1:9)");
            }

            @Override
            public List<StoredBlob> list() {
                return List.of();
            }

            @Override
            public java.net.URI location() {
                return java.net.URI.create("s3://parkworld-blobs/");
            }
        };
        IssueProcessor processor = new IssueProcessor(pipeline, unreachable, this.published::add,
                (record, reason, message, subject) -> this.deadLetters.add(reason + " " + message),
                this.afterCommit::add, this.clock, this.meters);

        assertThatThrownBy(() -> processor.process(fetchedRecord(pdf()))).hasMessageContaining("retried")
            .hasRootCauseMessage("Cannot reach S3 (reading " + pdf().toUri() + " at http://127.0.0.1:9)");
        assertThat(this.deadLetters).isEmpty();
        assertThat(this.published).isEmpty();
    }

    @Test
    void refusesBlobOutsideTheBlobStore(@TempDir Path elsewhere) throws Exception {
        Path secret = Files.write(elsewhere.resolve("secret.pdf"), new byte[] { 1 });

        processor(IssueProcessorTests::twoArticles, GENEROUS_LIMIT).process(fetchedRecord(secret));

        assertThat(this.deadLetters).singleElement().asString().startsWith("BLOB_OUTSIDE_STORE");
        assertThat(this.published).isEmpty();
    }

    @Test
    void parsesWithTheIssueKeyInTheLogContext() throws Exception {
        List<String> seen = new ArrayList<>();

        processor(p -> {
            seen.add(org.slf4j.MDC.get("issueKey"));
            return twoArticles(p);
        }, GENEROUS_LIMIT).process(fetchedRecord(pdf()));

        assertThat(seen).containsExactly("issue-121");
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
