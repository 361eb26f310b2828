package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.ops.deadletters.DeadLetterRecords.deadLetter;
import static parkworld.pipeline.ops.deadletters.DeadLetterRecords.headers;
import static parkworld.pipeline.ops.deadletters.DeadLetterRecords.originalHeaders;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.ops.OperatorCli;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * The dead-letter command on a real broker. Each test gets its own dead-letter topic (two partitions) holding five dead
 * letters of the parser and the indexer, and its own original topics to replay to.
 */
class DeadLettersIT {

    private static final byte[] BINARY_VALUE = {'{', (byte) 0xc3, 0x28, 0x00, '}'};

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private String dlq;
    private String fetched;
    private String articles;
    private List<ProducerRecord<byte[], byte[]>> deadLetters;

    @BeforeEach
    void putDeadLettersOnTheirOwnTopic() throws Exception {
        this.dlq = KafkaTopics.unique("ops.parser.dlq");
        this.fetched = KafkaTopics.unique("ops.issues.fetched");
        this.articles = KafkaTopics.unique("ops.articles");
        DeadLetterRecords.createTopic(this.kafka, this.dlq, 2);
        DeadLetterRecords.createTopic(this.kafka, this.fetched, 1);
        DeadLetterRecords.createTopic(this.kafka, this.articles, 1);
        this.deadLetters = List.of(
                // partition 0, offsets 0..2
                deadLetter(this.dlq, 0, "issue-121", "{\"issueKey\":\"issue-121\"}".getBytes(StandardCharsets.UTF_8),
                        originalHeaders(EventType.ISSUE_FETCHED, "issue-121"), DeadLetterReason.NOT_PDF,
                        "Not a PDF: no %PDF- header in the first 1024 bytes", "parser-service", this.fetched, 7),
                deadLetter(this.dlq, 0, "issue-122", "{\"issueKey\":\"issue-122\"}".getBytes(StandardCharsets.UTF_8),
                        originalHeaders(EventType.ISSUE_FETCHED, "issue-122"), DeadLetterReason.TIMEOUT,
                        "parse took longer than 2m", "parser-service", this.fetched, 8),
                deadLetter(this.dlq, 0, "issue-123", BINARY_VALUE, originalHeaders(EventType.ISSUE_FETCHED, "issue-123"),
                        DeadLetterReason.MALFORMED_EVENT, "not JSON", "parser-service", this.fetched, 9),
                // partition 1, offsets 0..1
                deadLetter(this.dlq, 1, "121-449319b7d5d3", "{\"articleId\":\"121-449319b7d5d3\"}"
                        .getBytes(StandardCharsets.UTF_8), originalHeaders(EventType.ARTICLE_EXTRACTED, "121-449319b7d5d3"),
                        DeadLetterReason.INDEX_REJECTED, "mapper_parsing_exception: failed to parse field [page]",
                        "indexer-service", this.articles, 40),
                deadLetter(this.dlq, 1, null, "{}".getBytes(StandardCharsets.UTF_8), List.of(), DeadLetterReason.TIMEOUT,
                        "parse took longer than 2m", "parser-service", this.fetched, 10));
        DeadLetterRecords.send(this.kafka, this.deadLetters);
    }

    @Test
    void listPrintsEveryDeadLetterOfEveryPartitionThenTheCountPerReason() {
        Result result = run("dead-letters", "list", "--bootstrap-servers", this.kafka, "--topic", this.dlq);

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.lines()).hasSize(7);
        assertThat(result.lines().get(0)).startsWith("DLQ@OFFSET").contains("REASON", "SUBJECT", "MESSAGE");
        assertThat(result.lines().get(1)).startsWith("0@0 ").contains("2026-05-30T07:00:05.000Z", "NOT_PDF",
                "parser-service", this.fetched + "-0@7", "issue-121", "Not a PDF: no %PDF- header in the first 1024 bytes");
        assertThat(result.lines().get(2)).startsWith("0@1 ").contains("TIMEOUT", "issue-122");
        assertThat(result.lines().get(3)).startsWith("0@2 ").contains("MALFORMED_EVENT", "issue-123");
        assertThat(result.lines().get(4)).startsWith("1@0 ").contains("INDEX_REJECTED", "indexer-service",
                this.articles + "-0@40", "121-449319b7d5d3");
        // No ce_subject and no key: nothing to name it by.
        assertThat(result.lines().get(5)).startsWith("1@1 ").contains("TIMEOUT", " - ");
        assertThat(result.lines().get(6)).isEqualTo("5 dead letter(s) on " + this.dlq
                + ": TIMEOUT 2, INDEX_REJECTED 1, MALFORMED_EVENT 1, NOT_PDF 1");
    }

    @Test
    void listFiltersByReasonAndPrintsJsonLines() {
        Result result = run("dead-letters", "list", "--bootstrap-servers", this.kafka, "--topic", this.dlq, "--reason",
                "not_pdf", "--reason", "INDEX_REJECTED", "--json");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.lines()).containsExactly(
                "{\"topic\":\"" + this.dlq + "\",\"partition\":0,\"offset\":0,\"failedAt\":\"2026-05-30T07:00:05Z\","
                        + "\"reason\":\"NOT_PDF\",\"service\":\"parser-service\",\"originalTopic\":\"" + this.fetched
                        + "\",\"originalPartition\":0,\"originalOffset\":7,\"subject\":\"issue-121\","
                        + "\"message\":\"Not a PDF: no %PDF- header in the first 1024 bytes\",\"valueBytes\":24}",
                "{\"topic\":\"" + this.dlq + "\",\"partition\":1,\"offset\":0,\"failedAt\":\"2026-05-30T07:00:05Z\","
                        + "\"reason\":\"INDEX_REJECTED\",\"service\":\"indexer-service\",\"originalTopic\":\"" + this.articles
                        + "\",\"originalPartition\":0,\"originalOffset\":40,\"subject\":\"121-449319b7d5d3\","
                        + "\"message\":\"mapper_parsing_exception: failed to parse field [page]\",\"valueBytes\":32}");
        // stdout stays pure JSON lines; the summary is on stderr.
        assertThat(result.err()).contains("2 of 5 dead letter(s) on " + this.dlq + " selected: INDEX_REJECTED 1, NOT_PDF 1");
    }

    @Test
    void replayByReasonSendsExactlyThoseRecordsByteForByteWithoutDeadLetterHeaders() {
        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", this.dlq, "--reason",
                "TIMEOUT", "--reason", "MALFORMED_EVENT");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("replayed 0@1 TIMEOUT issue-122 -> " + this.fetched + "-0@",
                "replayed 0@2 MALFORMED_EVENT issue-123 -> " + this.fetched + "-0@",
                "replayed 1@1 TIMEOUT - -> " + this.fetched + "-0@",
                "Replayed 3 of 3 selected dead letter(s) (of 5 on " + this.dlq + "): 3 to " + this.fetched + ".");
        List<ConsumerRecord<byte[], byte[]>> replayed = DeadLetterRecords.readAll(this.kafka, this.fetched);
        assertThat(replayed).hasSize(3);
        assertReplayOf(replayed.get(0), this.deadLetters.get(1), this.dlq + "-0@1");
        assertReplayOf(replayed.get(1), this.deadLetters.get(2), this.dlq + "-0@2");
        assertReplayOf(replayed.get(2), this.deadLetters.get(4), this.dlq + "-1@1");
        assertThat(DeadLetterRecords.readAll(this.kafka, this.articles)).isEmpty();
    }

    @Test
    void replayByOffsetRangeSendsExactlyThatRangeOfThatPartition() {
        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", this.dlq,
                "--partition", "0", "--from-offset", "1", "--to-offset", "2");

        assertThat(result.status()).as(result.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> replayed = DeadLetterRecords.readAll(this.kafka, this.fetched);
        assertThat(replayed).hasSize(2);
        assertReplayOf(replayed.get(0), this.deadLetters.get(1), this.dlq + "-0@1");
        assertReplayOf(replayed.get(1), this.deadLetters.get(2), this.dlq + "-0@2");
    }

    @Test
    void replayOfAllSendsEachRecordToItsOwnOriginalTopic() {
        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", this.dlq, "--all");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("Replayed 5 of 5 selected dead letter(s) (of 5 on " + this.dlq + "): 1 to "
                + this.articles + ", 4 to " + this.fetched + ".");
        List<ConsumerRecord<byte[], byte[]>> articles = DeadLetterRecords.readAll(this.kafka, this.articles);
        assertThat(articles).hasSize(1);
        assertReplayOf(articles.get(0), this.deadLetters.get(3), this.dlq + "-1@0");
        assertThat(DeadLetterRecords.readAll(this.kafka, this.fetched)).hasSize(4);
    }

    @Test
    void dryRunPrintsTheSelectionAndSendsNothing() {
        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", this.dlq, "--reason",
                "TIMEOUT", "--dry-run");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.lines()).containsExactly(
                "would replay 0@1 TIMEOUT issue-122 -> " + this.fetched,
                "would replay 1@1 TIMEOUT - -> " + this.fetched,
                "Dry run: 2 of 5 dead letter(s) on " + this.dlq + " would be replayed (2 to " + this.fetched
                        + "); nothing was sent.");
        assertThat(DeadLetterRecords.readAll(this.kafka, this.fetched)).isEmpty();
    }

    @Test
    void warnsWhenTheSelectionFailedOnItsInputItselfButStillReplaysIt() {
        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", this.dlq, "--reason",
                "NOT_PDF", "--reason", "TIMEOUT", "--dry-run");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).contains("warning: 1 selected dead letter(s) failed on their input itself (NOT_PDF 1)");
        assertThat(result.lines()).last().asString().startsWith("Dry run: 3 of 5");
    }

    @Test
    void replayingARecordThatFailedAgainNamesOnlyTheNewDeadLetter() throws Exception {
        String secondDlq = KafkaTopics.unique("ops.parser.dlq");
        List<Header> afterEarlierReplay = new ArrayList<>(originalHeaders(EventType.ISSUE_FETCHED, "issue-121"));
        afterEarlierReplay.add(new org.apache.kafka.common.header.internals.RecordHeader(DeadLetterHeaders.REPLAYED_FROM,
                (this.dlq + "-0@0").getBytes(StandardCharsets.UTF_8)));
        DeadLetterRecords.send(this.kafka, List.of(deadLetter(secondDlq, 0, "issue-121", "{}".getBytes(StandardCharsets.UTF_8),
                afterEarlierReplay, DeadLetterReason.NOT_PDF, "again", "parser-service", this.fetched, 11)));

        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", secondDlq, "--all");

        assertThat(result.status()).as(result.err()).isZero();
        ConsumerRecord<byte[], byte[]> replayed = DeadLetterRecords.readAll(this.kafka, this.fetched).get(0);
        List<String> origins = new ArrayList<>();
        replayed.headers().headers(DeadLetterHeaders.REPLAYED_FROM).forEach(h -> origins.add(new String(h.value(),
                StandardCharsets.UTF_8)));
        assertThat(origins).containsExactly(secondDlq + "-0@0");
    }

    @Test
    void aTopicThatDoesNotExistYetListsZeroDeadLettersAndIsNotCreated() {
        // A service creates its dead-letter topic with its first dead letter: before that, there is nothing to list.
        String missing = KafkaTopics.unique("ops.missing.dlq");

        Result result = run("dead-letters", "list", "--bootstrap-servers", this.kafka, "--topic", missing);
        Result json = run("dead-letters", "list", "--bootstrap-servers", this.kafka, "--topic", missing, "--json");

        assertThat(result.status()).as(result.err()).isEqualTo(OperatorCli.OK);
        assertThat(result.lines()).singleElement().asString().startsWith("0 dead letter(s) on " + missing
                + ": the topic has no records yet (topic " + missing + " does not exist on " + this.kafka + " yet");
        assertThat(json.status()).as(json.err()).isEqualTo(OperatorCli.OK);
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).startsWith("0 dead letter(s) on " + missing + ": the topic has no records yet");
        assertThat(DeadLetterRecords.readAll(this.kafka, missing)).isEmpty();
    }

    @Test
    void replayFromATopicThatDoesNotExistFailsWithStatusOne() {
        String missing = KafkaTopics.unique("ops.missing.dlq");

        Result result = run("dead-letters", "replay", "--bootstrap-servers", this.kafka, "--topic", missing, "--all");

        assertThat(result.status()).isEqualTo(OperatorCli.FAILED);
        assertThat(result.err()).contains("topic " + missing + " does not exist");
    }

    @Test
    void thePackagedJarRunsWithJavaDashJar() throws Exception {
        Path jar = Path.of("target", "operator-cli.jar");
        assertThat(jar).exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "dead-letters", "list", "--bootstrap-servers", this.kafka, "--topic", this.dlq,
                "--reason", "NOT_PDF")
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("0@0", "NOT_PDF", "issue-121")
            .contains("1 of 5 dead letter(s) on " + this.dlq + " selected: NOT_PDF 1")
            .doesNotContain("SLF4J");
        // The Kafka client logs errors only (simplelogger.properties): nothing but the listing on stdout and stderr.
        assertThat(output.lines()).as(output).hasSize(3)
            .allSatisfy(line -> assertThat(line).matches("DLQ@OFFSET .*|\\d+@\\d+ .*|1 of 5 dead letter\\(s\\) .*"));
    }

    /** Same key, value and original headers in the same order, no dead-letter header, and where it came from. */
    private static void assertReplayOf(ConsumerRecord<byte[], byte[]> replayed, ProducerRecord<byte[], byte[]> deadLetter,
            String from) {
        assertThat(replayed.key()).isEqualTo(deadLetter.key());
        assertThat(replayed.value()).isEqualTo(deadLetter.value());
        List<Header> expected = new ArrayList<>();
        deadLetter.headers().forEach(h -> {
            if (!h.key().startsWith(DeadLetterHeaders.PREFIX)) {
                expected.add(h);
            }
        });
        List<Header> actual = new ArrayList<>();
        replayed.headers().forEach(actual::add);
        assertThat(actual).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).key()).isEqualTo(expected.get(i).key());
            assertThat(actual.get(i).value()).as(expected.get(i).key()).isEqualTo(expected.get(i).value());
        }
        Map<String, byte[]> headers = headers(replayed.headers());
        assertThat(headers.keySet()).noneMatch(DeadLetterHeaders::isDeadLetterHeader);
        assertThat(new String(headers.get(DeadLetterHeaders.REPLAYED_FROM), StandardCharsets.UTF_8)).isEqualTo(from);
        if (!expected.isEmpty()) {
            assertThat(headers).containsKey(CloudEventHeaders.SUBJECT).containsKey("x-binary");
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = OperatorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    record Result(int status, String out, String err) {

        List<String> lines() {
            return this.out.lines().toList();
        }
    }
}
