package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaResourceHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * Every record of an issue was sent, then the commit failed, as it does when the consumer group rebalanced while the
 * issue was parsed ("Specified group generation id is not valid"): the retry publishes the issue once, and the
 * issue is counted once, when it committed, not also for the attempt that was rolled back.
 */
@SpringBootTest(properties = { "server.port=0", "parkworld.retry.initial-interval=200ms",
        "parkworld.retry.max-interval=1s" })
class FailedCommitIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it.commit");

    @TempDir
    static Path blobs;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("parkworld.parser.blob-store.location", () -> blobs.toUri().toString());
        TOPICS.register(registry);
        registry.add("parkworld.parser.instance-id", () -> "commit-it-" + KafkaTopics.unique("i"));
    }

    /**
     * Publishes like the real sink; on the first attempt it then hands the transaction the offsets of a group
     * generation that is not the current one, as a consumer that missed a rebalance does, so the commit fails.
     */
    @TestConfiguration
    static class CommitFailsOnce {

        static final AtomicInteger POISONED = new AtomicInteger();
        static final AtomicInteger POISONED_TRANSACTIONS = new AtomicInteger();

        @Bean
        @Primary
        IssueProcessor.IssueEventSink commitFailingOnceSink(BinderFactory binders,
                ObjectProvider<ObservationRegistry> observations, Environment environment,
                @Value("${spring.cloud.stream.bindings.extractArticles-in-0.group}") String group) {
            return new KafkaIssueEventSink(MessagingConfiguration.issueRecordsTemplate(binders, observations,
                    environment), TOPICS.articles(), TOPICS.parsed()) {

                @Override
                public void publish(IssueOutput output) {
                    super.publish(output);
                    if (POISONED.getAndIncrement() == 0) {
                        KafkaResourceHolder<?, ?> transaction = TransactionSynchronizationManager.getResourceMap()
                            .values().stream().filter(KafkaResourceHolder.class::isInstance)
                            .map(KafkaResourceHolder.class::cast).findFirst()
                            .orElseThrow(() -> new AssertionError("no Kafka transaction bound to the listener"));
                        try {
                            transaction.getProducer().sendOffsetsToTransaction(
                                    Map.of(new TopicPartition(TOPICS.fetched(), 0), new OffsetAndMetadata(1)),
                                    new ConsumerGroupMetadata(group, 4242, "a-member-of-an-older-generation",
                                            Optional.empty()));
                        }
                        catch (CommitFailedException expected) {
                            // The transaction can now only abort: the container's own offsets and commit, after
                            // the listener returned, fail, as after a rebalance.
                            POISONED_TRANSACTIONS.incrementAndGet();
                        }
                    }
                }
            };
        }
    }

    @Autowired
    MeterRegistry meters;

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
    private final TopicReader topics = new TopicReader(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void anIssueWhoseCommitFailedIsPublishedAndCountedOnceWhenTheRetryCommits() throws Exception {
        FixtureAnnouncement.announceIssue121(this.kafka, blobs, TOPICS.fetched());

        List<ConsumerRecord<byte[], byte[]>> summaries = this.topics.readUntil(TOPICS.parsed(),
                IsolationLevel.READ_COMMITTED, records -> !records.isEmpty(), Duration.ofSeconds(120));
        assertThat(summaries).as("committed IssueParsed").hasSize(1);
        assertThat(CommitFailsOnce.POISONED).as("attempts: the failed commit and the retry").hasValue(2);
        assertThat(CommitFailsOnce.POISONED_TRANSACTIONS).as("transactions refused the stale generation").hasValue(1);
        List<String> committed = this.topics.readAll(TOPICS.articles(), IsolationLevel.READ_COMMITTED,
                Duration.ofSeconds(3)).stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        assertThat(committed).as("articles a read_committed consumer sees").hasSize(43).doesNotHaveDuplicates();

        // The meters move right after the commit, on the listener's thread: give them a moment, then check that
        // the rolled-back attempt did not count.
        Awaitility.await("issue counted").atMost(Duration.ofSeconds(30)).until(() -> issuesParsed() >= 1);
        Thread.sleep(500);
        assertThat(issuesParsed()).as(PipelineMeters.PARSER_ISSUES + "{outcome=parsed}").isEqualTo(1);
        assertThat(this.meters.counter(PipelineMeters.PARSER_ARTICLES).count()).as(PipelineMeters.PARSER_ARTICLES)
            .isEqualTo(43);
        assertThat(this.kafka.size(TOPICS.deadLetter())).as("a failed commit is retried, not dead-lettered").isZero();
    }

    private double issuesParsed() {
        return this.meters.counter(PipelineMeters.PARSER_ISSUES, PipelineMeters.TAG_OUTCOME,
                IssueProcessor.OUTCOME_PARSED).count();
    }
}
