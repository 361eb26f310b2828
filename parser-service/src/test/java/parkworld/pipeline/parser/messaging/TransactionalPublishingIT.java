package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * An issue's articles, its summary and the consumed offset are one Kafka transaction. The sends are pipelined (all
 * handed to the producer, then flushed, then every outcome checked before the offset is committed), so what an
 * aborted attempt leaves is defined: a failure in the middle of an issue aborts the transaction; the records the
 * producer had written are in the log, marked aborted (a read_uncommitted consumer sees them, which proves they
 * really were sent), those it had not written are discarded; the retry publishes the issue again, and a
 * read_committed consumer sees every article exactly once and nothing of the aborted attempt. The injected failure
 * comes after the first {@value #FAIL_AFTER_ARTICLES} articles were flushed, so exactly those are the aborted ones.
 * A record the broker refuses: {@link BrokerRefusesARecordIT}.
 */
@SpringBootTest(properties = { "server.port=0", "parkworld.retry.initial-interval=200ms",
        "parkworld.retry.max-interval=1s" })
class TransactionalPublishingIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it.tx");
    static final String FETCHED = TOPICS.fetched();
    static final String ARTICLES = TOPICS.articles();
    static final String PARSED = TOPICS.parsed();
    static final String DEAD_LETTER = TOPICS.deadLetter();
    static final int FAIL_AFTER_ARTICLES = 21;

    @TempDir
    static Path blobs;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("parkworld.parser.blob-store.location", () -> blobs.toUri().toString());
        TOPICS.register(registry);
        registry.add("parkworld.parser.instance-id", () -> "tx-it-" + KafkaTopics.unique("i"));
    }

    /**
     * Sends like the real sink, but the connection "breaks" once, in the middle of the first attempt: after the
     * first {@value #FAIL_AFTER_ARTICLES} articles were handed to the producer and flushed to the broker.
     */
    @TestConfiguration
    static class BrokerFailsOnceMidIssue {

        static final AtomicInteger SENT = new AtomicInteger();
        static final AtomicInteger FAILURES = new AtomicInteger();

        @Bean
        @Primary
        IssueProcessor.IssueEventSink failingOnceSink(BinderFactory binders,
                ObjectProvider<ObservationRegistry> observations, Environment environment) {
            return new KafkaIssueEventSink(MessagingConfiguration.issueRecordsTemplate(binders, observations,
                    environment), ARTICLES, PARSED) {

                @Override
                CompletableFuture<?> send(OutgoingRecord record) {
                    CompletableFuture<?> send = super.send(record);
                    if (SENT.incrementAndGet() == FAIL_AFTER_ARTICLES && FAILURES.getAndIncrement() == 0) {
                        flush();
                        assertThat(send).as("the last article before the failure was written").isCompleted();
                        throw new IllegalStateException("injected: connection to the broker lost after "
                                + FAIL_AFTER_ARTICLES + " articles");
                    }
                    return send;
                }
            };
        }
    }

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
    private final TopicReader topics = new TopicReader(TestInfrastructure.kafkaBootstrapServers());

    @Test
    void aFailureMidIssueAbortsItsArticlesAndTheRetryPublishesEachExactlyOnce() throws Exception {
        FixtureAnnouncement.announceIssue121(this.kafka, blobs, FETCHED);

        ExactlyOnce.assertPublishedExactlyOnce(this.topics, ARTICLES, PARSED, 43, FAIL_AFTER_ARTICLES);
        assertThat(BrokerFailsOnceMidIssue.FAILURES).as("failures injected").hasValue(1);
        assertThat(this.kafka.size(DEAD_LETTER)).as("a transient failure is retried, not dead-lettered").isZero();
    }

    /** The assertions shared with the kill -9 test and the refused record's. */
    static final class ExactlyOnce {

        private ExactlyOnce() {
        }

        /**
         * @param articles        the issue's articles, each committed once
         * @param abortedArticles how many articles the aborted attempt had written before it failed
         */
        static void assertPublishedExactlyOnce(TopicReader topics, String articlesTopic, String parsedTopic,
                int articles, int abortedArticles) {
            List<ConsumerRecord<byte[], byte[]>> summaries = topics.readUntil(parsedTopic,
                    IsolationLevel.READ_COMMITTED, records -> !records.isEmpty(), Duration.ofSeconds(120));
            assertThat(summaries).as("committed IssueParsed").hasSize(1);
            IssueParsed summary = EventJson.read(summaries.get(0).value(), IssueParsed.class);

            List<ConsumerRecord<byte[], byte[]>> committed = topics.readAll(articlesTopic,
                    IsolationLevel.READ_COMMITTED, Duration.ofSeconds(3));
            List<String> committedIds = committed.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .toList();
            assertThat(committedIds).as("articles a read_committed consumer sees").hasSize(articles)
                .doesNotHaveDuplicates().containsExactlyElementsOf(summary.articleIds());
            assertThat(committed).as("nothing of the aborted attempt (its articles have another parsedAt)")
                .allSatisfy(r -> assertThat(EventJson.read(r.value(), ArticleExtracted.class).parsedAt())
                    .isEqualTo(summary.parsedAt()));
            long lastArticle = committed.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
            assertThat(summaries.get(0).timestamp()).as("IssueParsed sent after the articles")
                .isGreaterThanOrEqualTo(lastArticle);

            List<ConsumerRecord<byte[], byte[]>> everything = topics.readAll(articlesTopic,
                    IsolationLevel.READ_UNCOMMITTED, Duration.ofSeconds(3));
            assertThat(everything).as("a read_uncommitted consumer also sees the aborted attempt's written articles")
                .hasSize(articles + abortedArticles);
            assertThat(everything.subList(0, abortedArticles))
                .as("the aborted attempt's articles: the first of the issue, in order, from an earlier parse")
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(summary.articleIds().subList(0, abortedArticles));
            assertThat(everything.subList(0, abortedArticles)).allSatisfy(r -> assertThat(EventJson
                .read(r.value(), ArticleExtracted.class).parsedAt()).isNotEqualTo(summary.parsedAt()));
        }
    }
}
