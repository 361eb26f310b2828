package parkworld.pipeline.indexer.outage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.indexer.IndexerApplication;
import parkworld.pipeline.indexer.TestArticles;
import parkworld.pipeline.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closing the indexer while a bulk request is in flight (what SIGTERM does: the JVM's shutdown hook closes the
 * context) lets the batch finish, then commits its offsets: a restarted indexer starts after it, nothing to redo,
 * nothing lost. Elasticsearch sits behind a stub that holds every bulk answer for 2 s, so the close surely comes
 * while the request is in flight.
 */
class ShutdownFlushIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String TOPIC = "shutdown-" + RUN + ".articles";
    static final String GROUP = "shutdown-" + RUN + "-indexer";
    static final String INDEX = "shutdown-" + RUN + "-articles-v2";
    static final int ARTICLES = 30;

    @Test
    void finishesTheBatchInFlightAndCommitsItsOffsetsWhenClosed() throws Exception {
        WireMockServer stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        stub.stubFor(any(anyUrl()).atPriority(10)
            .willReturn(aResponse().proxiedFrom(TestInfrastructure.elasticsearchUrl())));
        stub.stubFor(post(urlPathEqualTo("/" + INDEX + "/_bulk")).atPriority(1)
            .willReturn(aResponse().proxiedFrom(TestInfrastructure.elasticsearchUrl()).withFixedDelay(2000)));
        RestClient direct = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
        // As command-line arguments: they win over application.yml (SpringApplicationBuilder.properties would not).
        ConfigurableApplicationContext indexer = new SpringApplicationBuilder(IndexerApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--parkworld.elasticsearch.uris=" + stub.baseUrl(),
                "--parkworld.topics.articles=" + TOPIC,
                "--parkworld.topics.issues-parsed=shutdown-" + RUN + ".issues.parsed",
                "--parkworld.topics.indexer-dead-letter=shutdown-" + RUN + ".indexer.dlq",
                "--spring.cloud.stream.bindings.indexArticles-in-0.group=" + GROUP,
                "--spring.cloud.stream.bindings.replaceIssues-in-0.group=" + GROUP + "-issues",
                "--parkworld.indexer.index.alias=shutdown-" + RUN + "-articles",
                "--parkworld.indexer.index.name=" + INDEX);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= ARTICLES; i++) {
                String id = String.format("121-%012x", i);
                producer.send(new ProducerRecord<>(TOPIC, id.getBytes(),
                        EventJson.write(TestArticles.article(id, TestArticles.PARSED_AT))));
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !stub.findAll(postRequestedFor(urlPathEqualTo("/" + INDEX + "/_bulk"))).isEmpty());

            indexer.close();

            direct.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));
            long indexed = JsonMapper.builder().build()
                .readTree(EntityUtils.toString(direct.performRequest(new Request("GET", "/" + INDEX + "/_count"))
                    .getEntity()))
                .path("count").asLong();
            List<Long> committed = committedOffsets();
            long batched = stub.findAll(postRequestedFor(urlPathEqualTo("/" + INDEX + "/_bulk"))).size();
            assertThat(indexed).as("articles indexed by the time close() returned").isPositive();
            assertThat(committed).as("offsets committed on close: exactly what was indexed")
                .containsExactly(indexed);
            assertThat(batched).as("bulk requests").isPositive();
        }
        finally {
            indexer.close();
            stub.stop();
            direct.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
            Request template = new Request("DELETE", "/_index_template/" + INDEX);
            template.addParameter("ignore", "404");
            direct.performRequest(template);
            direct.close();
        }
    }

    static List<Long> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .values().stream().map(OffsetAndMetadata::offset).toList();
        }
    }
}
