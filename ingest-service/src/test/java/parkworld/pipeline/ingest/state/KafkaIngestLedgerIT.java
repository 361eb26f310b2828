package parkworld.pipeline.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/** The ledger against a real Kafka broker: what survives, what is fenced, what a read_committed reader sees. */
class KafkaIngestLedgerIT {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    final String stateTopic = KafkaTopics.unique("it.ingest.state");
    final String fetchedTopic = KafkaTopics.unique("it.issues.fetched");
    final String transactionalId = KafkaTopics.unique("it-ingest");
    final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    KafkaIngestLedger ledger() {
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers());
        return new KafkaIngestLedger(client, this.stateTopic, this.transactionalId, Duration.ofSeconds(30), 5,
                event -> new ProducerRecord<>(this.fetchedTopic, event.issueKey().getBytes(StandardCharsets.UTF_8),
                        event.sha256().getBytes(StandardCharsets.UTF_8)),
                (short) 1);
    }

    static CandidateState announced(String url, String issueKey, String sha256) {
        return CandidateState.firstSeen(url, issueKey, NOW)
            .announced(issueKey, sha256, 8, "file:///blobs/" + sha256 + ".pdf", "\"e1\"", null, NOW);
    }

    static IssueFetched event(String issueKey, String sha256) {
        return new IssueFetched(IssueFetched.SCHEMA_VERSION, issueKey, "file:///blobs/" + sha256 + ".pdf",
                "https://www.parkworld.net/" + issueKey + ".pdf", sha256, 8, NOW);
    }

    @Test
    void aNewSessionReadsWhatEarlierSessionsCommittedOnACompactedTopic() throws Exception {
        KafkaIngestLedger ledger = ledger();
        try (IngestLedger.Session session = ledger.open()) {
            session.announce(announced("https://www.parkworld.net/a.pdf", "issue-1", "aa".repeat(32)),
                    event("issue-1", "aa".repeat(32)));
            session.record(CandidateState.firstSeen("https://www.parkworld.net/b.pdf", "issue-2", NOW)
                .attemptFailed(CandidateStatus.FAILED, "HTTP_503 unavailable", 5, NOW));
            session.finish(new RunSummary("test", "r1", NOW, NOW, "partial", 2, 1, 0, 0, 0, 0, 1, 0,
                    List.of("issue-2: HTTP_503 unavailable")));
        }

        IngestState state = ledger().read();

        assertThat(state.candidate("https://www.parkworld.net/a.pdf")).get()
            .satisfies(c -> assertThat(c.status()).isEqualTo(CandidateStatus.ANNOUNCED))
            .satisfies(c -> assertThat(c.etag()).isEqualTo("\"e1\""));
        assertThat(state.announcedWithSha256("aa".repeat(32))).isPresent();
        assertThat(state.candidate("https://www.parkworld.net/b.pdf")).get()
            .satisfies(c -> assertThat(c.attempts()).isEqualTo(1))
            .satisfies(c -> assertThat(c.lastError()).isEqualTo("HTTP_503 unavailable"));
        assertThat(state.lastCompletedRun()).get().extracting(RunSummary::replica).isEqualTo("r1");
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, this.stateTopic);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    @Test
    void aSecondReplicasSessionFencesTheFirstSoOnlyOneAnnouncesTheIssue() throws Exception {
        KafkaIngestLedger replicaA = ledger();
        KafkaIngestLedger replicaB = ledger();
        String sha = "bb".repeat(32);
        try (IngestLedger.Session a = replicaA.open()) {
            assertThat(a.state().announcedWithSha256(sha)).isEmpty();
            try (IngestLedger.Session b = replicaB.open()) {
                assertThatThrownBy(() -> a.announce(announced("https://www.parkworld.net/c.pdf", "issue-3", sha),
                        event("issue-3", sha)))
                    .isInstanceOf(IngestLedger.FencedException.class);
                assertThat(b.state().announcedWithSha256(sha)).isEmpty();
                b.announce(announced("https://www.parkworld.net/c.pdf", "issue-3", sha), event("issue-3", sha));
            }
        }

        assertThat(this.kafka.countCommitted(this.fetchedTopic)).isEqualTo(1);
    }

    @Test
    void aTransactionLeftOpenByAKilledReplicaIsAbortedAndItsIssueAnnouncedOnceByTheNext() throws Exception {
        String sha = "cc".repeat(32);
        // A replica killed between sending and committing: its transaction stays open on the broker.
        KafkaProducer<byte[], byte[]> killed = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, this.transactionalId), new ByteArraySerializer(),
                new ByteArraySerializer());
        ledger().createTopicIfMissing();
        killed.initTransactions();
        killed.beginTransaction();
        killed.send(new ProducerRecord<>(this.stateTopic, StateRecords.key("https://www.parkworld.net/d.pdf"),
                StateRecords.candidate(announced("https://www.parkworld.net/d.pdf", "issue-4", sha))));
        killed.send(new ProducerRecord<>(this.fetchedTopic, "issue-4".getBytes(StandardCharsets.UTF_8),
                sha.getBytes(StandardCharsets.UTF_8)));
        killed.flush();

        try (IngestLedger.Session next = ledger().open()) {
            assertThat(next.state().announcedWithSha256(sha)).as("the killed run's write never became visible")
                .isEmpty();
            next.announce(announced("https://www.parkworld.net/d.pdf", "issue-4", sha), event("issue-4", sha));
        }
        killed.close(Duration.ZERO);

        assertThat(this.kafka.size(this.fetchedTopic)).as("both writes reached the log").isGreaterThanOrEqualTo(2);
        assertThat(this.kafka.countCommitted(this.fetchedTopic)).as("one IssueFetched on a read_committed consumer")
            .isEqualTo(1);
    }
}
