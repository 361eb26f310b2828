package parkworld.pipeline.indexer.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.localstack.ElasticsearchNode;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Elasticsearch unavailable for longer than a small {@code max.poll.interval.ms} (5 s), while the indexer is consuming:
 * the real node hanging (its process stopped with SIGSTOP: connections stay open, nothing answers, until SIGCONT), and
 * the real node stopped (SIGTERM; its port refuses connections) and started again on the same port and data. Both run
 * against a node of this test's own, not the one other tests share. In both, the partition is
 * paused while the consumer keeps polling, the group keeps its member (no rebalance), indexing resumes by itself,
 * every article is indexed, each written exactly once (the single shard's sequence numbers are 0..n-1 without gaps:
 * a second write of any document would consume one more), and the offsets are committed to the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
// The indexer is bound to this test's node, closed after it: the context must not outlive the class in the cache.
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchOutageIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ARTICLES_TOPIC = "outage-" + RUN + ".articles";
    static final String GROUP = "outage-" + RUN + "-indexer";
    static final String INDEX = "outage-" + RUN + "-articles-v2";
    /** Longer than max.poll.interval.ms: the outage a consumer that stopped polling would not survive. */
    static final Duration OUTAGE = Duration.ofSeconds(8);
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** This test's own node, so stopping it leaves the shared one alone. */
    static ElasticsearchNode elasticsearch;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        elasticsearch = ElasticsearchNode.start();
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("parkworld.elasticsearch.uris", elasticsearch::httpUrl);
        registry.add("parkworld.topics.articles", () -> ARTICLES_TOPIC);
        registry.add("parkworld.topics.issues-parsed", () -> "outage-" + RUN + ".issues.parsed");
        registry.add("parkworld.topics.indexer-dead-letter", () -> "outage-" + RUN + ".indexer.dlq");
        registry.add("spring.cloud.stream.bindings.indexArticles-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.replaceIssues-in-0.group", () -> GROUP + "-issues");
        registry.add("parkworld.indexer.index.alias", () -> "outage-" + RUN + "-articles");
        registry.add("parkworld.indexer.index.name", () -> INDEX);
        String consumer = "spring.cloud.stream.kafka.bindings.indexArticles-in-0.consumer.configuration.";
        registry.add(consumer + "max.poll.interval.ms", () -> MAX_POLL_INTERVAL.toMillis());
        registry.add(consumer + "max.poll.records", () -> 50);
        // Budget (PollIntervalBudget): 1 wave * (2 attempts * 1 s + 1 * 200 ms) + 1 s = 3.2 s < 5 s.
        registry.add("parkworld.elasticsearch.socket-timeout", () -> "1s");
        registry.add("parkworld.elasticsearch.connect-timeout", () -> "500ms");
        registry.add("parkworld.elasticsearch.health-timeout", () -> "500ms");
        registry.add("parkworld.indexer.bulk.max-actions", () -> 50);
        registry.add("parkworld.indexer.bulk.item-retry.max-attempts", () -> 2);
        registry.add("parkworld.indexer.bulk.item-retry.max-backoff", () -> "200ms");
        registry.add("parkworld.retry.initial-interval", () -> "200ms");
        registry.add("parkworld.retry.max-interval", () -> "1s");
    }

    @Autowired
    MeterRegistry meters;

    /** The test's own client of the node, for counting and inspecting what the indexer wrote. */
    RestClient direct;
    KafkaProducer<byte[], byte[]> producer;
    final AtomicInteger sent = new AtomicInteger();

    @BeforeAll
    void connect() throws Exception {
        this.direct = RestClient.builder(HttpHost.create(elasticsearch.httpUrl())).build();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void cleanUp() throws IOException {
        this.producer.close(Duration.ofSeconds(5));
        this.direct.close();
        elasticsearch.close();
    }

    @Test
    void survivesAHangingElasticsearchWithoutRebalanceLossOrDuplicate() throws Exception {
        int before = sendArticles(40);
        awaitIndexed(before);
        String member = groupMember();
        double retriesBefore = retries();
        long pid = elasticsearchPid();

        signal("STOP", pid);
        try {
            sendArticles(60);
            await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> retries() > retriesBefore + 2);
            assertThat(groupMember()).as("the consumer kept polling: same member, no rebalance").isEqualTo(member);
        }
        finally {
            signal("CONT", pid);
        }

        awaitIndexed(this.sent.get());
        assertWrittenOnceAndCommitted();
        assertThat(groupMember()).as("no rebalance after the outage either").isEqualTo(member);
    }

    @Test
    void survivesAnElasticsearchStoppedAndStartedAgainWithoutRebalanceLossOrDuplicate() throws Exception {
        awaitIndexed(sendArticles(40));
        String member = groupMember();
        double retriesBefore = retries();

        elasticsearch.stop();
        try {
            assertThat(refusesConnections(URI.create(elasticsearch.httpUrl())))
                .as("the stopped node's port refuses connections").isTrue();
            sendArticles(60);
            await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> retries() > retriesBefore + 2);
            assertThat(groupMember()).as("the consumer kept polling: same member, no rebalance").isEqualTo(member);
        }
        finally {
            // Same port and data; the startup (15-30 s here) is outage too, the indexer is not told about any of it.
            elasticsearch.startAgain();
        }

        awaitIndexed(this.sent.get());
        assertWrittenOnceAndCommitted();
        assertThat(groupMember()).as("no rebalance after the outage either").isEqualTo(member);
    }

    // --- helpers

    /** @return how many articles were sent in all so far */
    int sendArticles(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String id = String.format("121-%012x", this.sent.incrementAndGet());
            ArticleExtracted article = TestArticles.article(id, TestArticles.PARSED_AT);
            this.producer.send(new ProducerRecord<>(ARTICLES_TOPIC, id.getBytes(), EventJson.write(article)));
        }
        this.producer.flush();
        return this.sent.get();
    }

    void awaitIndexed(int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
            .untilAsserted(() -> assertThat(count()).as("documents in " + INDEX).isEqualTo(count));
    }

    /** 0 until the indexer has created the index (it may not have yet when the first test starts). */
    long count() throws IOException {
        this.direct.performRequest(new Request("POST", "/" + INDEX + "/_refresh?ignore_unavailable=true"));
        Request count = new Request("GET", "/" + INDEX + "/_count?ignore_unavailable=true");
        return json(this.direct.performRequest(count)).path("count").asLong();
    }

    /** Every document written once: sequence numbers 0..n-1 on the one shard, and the offsets committed to the end. */
    void assertWrittenOnceAndCommitted() throws Exception {
        Request search = new Request("POST", "/" + INDEX + "/_search");
        search.setJsonEntity("{\"size\":10000,\"seq_no_primary_term\":true,\"_source\":false,"
                + "\"query\":{\"match_all\":{}}}");
        List<Long> seqNos = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (JsonNode hit : json(this.direct.performRequest(search)).path("hits").path("hits")) {
            seqNos.add(hit.path("_seq_no").asLong());
            ids.add(hit.path("_id").asString());
        }
        assertThat(ids).as("every article sent").hasSize(this.sent.get());
        assertThat(seqNos.stream().mapToLong(Long::longValue).max().orElse(-1))
            .as("highest sequence number: one write per document, none written twice")
            .isEqualTo(this.sent.get() - 1L);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(committed()).as("committed offset").isEqualTo(this.sent.get()));
    }

    long committed() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    String groupMember() throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
                .describedGroups()
                .get(GROUP)
                .get(10, TimeUnit.SECONDS);
            assertThat(group.members()).as("members of " + GROUP).hasSize(1);
            MemberDescription only = group.members().iterator().next();
            assertThat(only.assignment().topicPartitions()).as("partitions assigned").isNotEmpty();
            return only.consumerId();
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()));
    }

    double retries() {
        return Search.in(this.meters).name(PipelineMeters.INDEXER_BULK_RETRIES).counters().stream()
            .mapToDouble(c -> c.count()).sum();
    }

    /** The Elasticsearch server's own process id, as it reports it (the launcher script's child, not the script). */
    long elasticsearchPid() throws IOException {
        JsonNode nodes = json(this.direct.performRequest(new Request("GET", "/_nodes/_local/process"))).path("nodes");
        return nodes.properties().iterator().next().getValue().path("process").path("id").asLong();
    }

    static boolean refusesConnections(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Neither connected to nor refused by " + url, e);
        }
    }

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal + " " + pid)
            .isTrue();
    }

    static JsonNode json(org.elasticsearch.client.Response response) throws IOException {
        return JSON.readTree(EntityUtils.toString(response.getEntity()));
    }
}
