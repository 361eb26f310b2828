package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * A send that fails after the records were handed to the producer fails the whole issue: the summary topic's broker
 * limit ({@code max.message.bytes}) is smaller than the issue's {@code IssueParsed}, so the broker refuses it after
 * the 43 articles were sent without waiting. The transaction is aborted (nothing of the issue for read_committed
 * consumers, the written articles marked aborted) and the {@code IssueFetched} is dead-lettered as
 * {@code EVENT_TOO_LARGE}, not retried. This holds end to end even without the sink's own check of every send (tried:
 * the producer, in error after the refused send, fails the offset and the commit with the same cause); that the sink
 * fails the issue before the offset is sent is {@link KafkaIssueEventSinkTests}'.
 */
@SpringBootTest(properties = { "server.port=0", "parkworld.retry.initial-interval=200ms",
        "parkworld.retry.max-interval=1s" })
class BrokerRefusesARecordIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it.refused");

    /** Less than the fixture's IssueParsed (43 article ids, about 2 kB), more than nothing. */
    static final int SUMMARY_TOPIC_MAX_MESSAGE_BYTES = 1024;

    @TempDir
    static Path blobs;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("parkworld.parser.blob-store.location", () -> blobs.toUri().toString());
        TOPICS.register(registry);
        registry.add("parkworld.parser.instance-id", () -> "refused-it-" + KafkaTopics.unique("i"));
    }

    @BeforeAll
    static void summaryTopicTakesOnlySmallRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPICS.parsed(), 1, (short) 1).configs(Map.of(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(SUMMARY_TOPIC_MAX_MESSAGE_BYTES)))))
                .all().get();
        }
    }

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
    private final TopicReader topics = new TopicReader(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void aRecordTheBrokerRefusesAbortsTheWholeIssueAndDeadLettersIt() throws Exception {
        FixtureAnnouncement.announceIssue121(this.kafka, blobs, TOPICS.fetched());

        List<KafkaTopics.Received> dead = this.kafka.read(TOPICS.deadLetter(), 1, Duration.ofSeconds(120));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("issue-121");
            assertThat(r.headers()).containsEntry(DeadLetterHeaders.REASON, "EVENT_TOO_LARGE");
            assertThat(r.headers().get(DeadLetterHeaders.MESSAGE)).contains("RecordTooLargeException");
        });

        assertThat(this.topics.readAll(TOPICS.parsed(), IsolationLevel.READ_COMMITTED, Duration.ofSeconds(3)))
            .as("committed IssueParsed").isEmpty();
        assertThat(this.topics.readAll(TOPICS.articles(), IsolationLevel.READ_COMMITTED, Duration.ofSeconds(3)))
            .as("articles a read_committed consumer sees").isEmpty();
        assertThat(this.topics.readAll(TOPICS.articles(), IsolationLevel.READ_UNCOMMITTED, Duration.ofSeconds(3)))
            .as("the articles were written before the summary was refused, once (a permanent failure is not retried),"
                    + " and aborted")
            .hasSize(43);
    }
}
