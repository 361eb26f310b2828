package parkworld.pipeline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueRef;
import parkworld.pipeline.indexer.IndexerApplication;
import parkworld.pipeline.indexer.bulk.ArticleDocument;
import parkworld.pipeline.localstack.ElasticsearchNode;
import parkworld.pipeline.localstack.KafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Articles per second from the articles topic to searchable, against a plain {@code _bulk} load of the same documents
 * into the same Elasticsearch with the same index settings, in the same run (see README.md, "Indexing throughput").
 * <p>
 * One run of the indexer: a new topic (one partition), index and consumer group; the indexer (IndexerApplication,
 * in this JVM) is started and has its partition; then the N articles are produced and the clock runs until the
 * indexer has committed all N offsets (it commits only what Elasticsearch acknowledged) and one final refresh
 * returned. One run of the plain load: a new index created with the settings and mappings the indexer's index got,
 * then the same N documents (the indexer's own bytes: {@code ArticleDocument.of}, already serialised, external
 * version) sent as NDJSON {@code _bulk} requests of 500 from 2 threads, then one refresh. Each configuration runs a
 * warm-up pair, then 3 measured pairs (indexer, plain, alternating so drifting load hits both alike); medians.
 * <p>
 * Arguments: {@code [N=50000] [configs=500x2,250x2,1000x2,500x1,1000x4] [kafka-bootstrap elasticsearch-url]}, a
 * config being {@code <max.poll.records = max-actions>x<max-in-flight>}. Without the last two it starts local-stack's
 * Kafka broker and Elasticsearch node and stops them at the end.
 */
public final class IndexingThroughput {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PLAIN_REQUEST = 500;
    private static final int PLAIN_THREADS = 2;
    private static final int RUNS = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String kafka;
    private final String elasticsearch;

    private IndexingThroughput(String kafka, String elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<int[]> configs = new ArrayList<>();
        for (String config : (args.length > 1 ? args[1] : "500x2,250x2,1000x2,500x1,1000x4").split(",")) {
            String[] parts = config.split("x");
            configs.add(new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) });
        }
        KafkaBroker broker = args.length > 3 ? null : KafkaBroker.start();
        ElasticsearchNode node = args.length > 3 ? null : ElasticsearchNode.start();
        try {
            IndexingThroughput benchmark = new IndexingThroughput(
                    broker != null ? broker.bootstrapServers() : args[2], node != null ? node.httpUrl() : args[3]);
            benchmark.run(count, configs);
        }
        finally {
            if (node != null) {
                node.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
        System.exit(0);
    }

    private void run(int count, List<int[]> configs) throws Exception {
        List<ArticleExtracted> articles = articles(count);
        List<byte[]> events = articles.stream().map(EventJson::write).toList();
        List<ArticleDocument> documents = articles.stream().map(ArticleDocument::of).toList();
        long bytes = documents.stream().mapToLong(document -> document.source().length).sum();
        System.out.printf(Locale.ROOT, "%d articles from the issue-121 fixture (%d distinct), %.1f MB of documents; "
                + "%d cores, JVM max heap %d MB; %s%n", count, 43, bytes / 1e6,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        StringBuilder table = new StringBuilder(
                "| max.poll.records = max-actions | max-in-flight | indexer articles/s (median of 3) | plain _bulk "
                        + "articles/s (median of 3) | ratio | runs (indexer / plain) |\n|---|---|---|---|---|---|\n");
        for (int[] config : configs) {
            measure(config[0], config[1], events, documents, true);
            List<Double> indexer = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                double[] pair = measure(config[0], config[1], events, documents, false);
                indexer.add(pair[0]);
                plain.add(pair[1]);
            }
            double indexerMedian = median(indexer);
            double plainMedian = median(plain);
            String line = String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.2f | %s / %s |", config[0],
                    config[1], indexerMedian, plainMedian, indexerMedian / plainMedian, rounded(indexer),
                    rounded(plain));
            System.out.println(line);
            table.append(line).append('\n');
        }
        System.out.println();
        System.out.println(table);
        System.out.println("after the run: " + loadAverage());
    }

    /** @return articles/s of the indexer and of the plain load, one run each */
    private double[] measure(int batch, int inFlight, List<byte[]> events, List<ArticleDocument> documents,
            boolean warmUp) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "bench-" + run + ".articles";
        String index = "bench-" + run + "-articles-v2";
        String plainIndex = "bench-" + run + "-plain";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            double indexer = indexerRun(admin, topic, index, "bench-" + run, batch, inFlight, events);
            double plain = plainRun(index, plainIndex, documents);
            System.out.printf(Locale.ROOT, "  %s %dx%d: indexer %.0f/s, plain %.0f/s%n", warmUp ? "warm-up" : "run",
                    batch, inFlight, indexer, plain);
            delete("/" + index);
            delete("/_index_template/" + index);
            delete("/" + plainIndex);
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            return new double[] { indexer, plain };
        }
    }

    private double indexerRun(Admin admin, String topic, String index, String group, int batch, int inFlight,
            List<byte[]> events) throws Exception {
        String consumer = "--spring.cloud.stream.kafka.bindings.indexArticles-in-0.consumer.configuration.";
        ConfigurableApplicationContext indexer = new SpringApplicationBuilder(IndexerApplication.class).run(
                "--spring.config.location=classpath:indexer-service/application.yml",
                "--spring.main.banner-mode=off", "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.org.apache.kafka=ERROR",
                "--spring.cloud.stream.kafka.binder.brokers=" + this.kafka,
                "--parkworld.elasticsearch.uris=" + this.elasticsearch,
                "--parkworld.topics.articles=" + topic,
                "--parkworld.topics.issues-parsed=" + topic + ".issues-parsed",
                "--parkworld.topics.indexer-dead-letter=" + topic + ".dlq",
                "--spring.cloud.stream.bindings.indexArticles-in-0.group=" + group,
                "--spring.cloud.stream.bindings.replaceIssues-in-0.group=" + group + "-issues",
                "--parkworld.indexer.index.alias=" + index + "-alias",
                "--parkworld.indexer.index.name=" + index,
                consumer + "max.poll.records=" + batch,
                "--parkworld.indexer.bulk.max-actions=" + batch,
                "--parkworld.indexer.bulk.max-in-flight=" + inFlight);
        try {
            awaitAssignment(admin, group);
            long began = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka, ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (byte[] event : events) {
                    producer.send(new ProducerRecord<>(topic, event));
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (committed(admin, group) < events.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("indexer did not commit " + events.size() + " offsets in time");
                }
                Thread.sleep(50);
            }
            post("/" + index + "/_refresh", null);
            double seconds = (System.nanoTime() - began) / 1e9;
            checkCount(index, events.size());
            return events.size() / seconds;
        }
        finally {
            indexer.close();
        }
    }

    private double plainRun(String template, String index, List<ArticleDocument> documents) throws Exception {
        createLike(template, index);
        List<byte[]> bodies = new ArrayList<>();
        for (int start = 0; start < documents.size(); start += PLAIN_REQUEST) {
            StringBuilder ndjson = new StringBuilder();
            for (ArticleDocument document : documents.subList(start, Math.min(documents.size(),
                    start + PLAIN_REQUEST))) {
                ndjson.append("{\"index\":{\"_id\":\"").append(document.id()).append("\",\"version\":")
                    .append(document.version()).append(",\"version_type\":\"external\"}}\n")
                    .append(new String(document.source(), StandardCharsets.UTF_8)).append('\n');
            }
            bodies.add(ndjson.toString().getBytes(StandardCharsets.UTF_8));
        }
        ExecutorService threads = Executors.newFixedThreadPool(PLAIN_THREADS);
        try {
            long began = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (byte[] body : bodies) {
                sent.add(threads.submit(() -> {
                    JsonNode response = post("/" + index + "/_bulk", body);
                    if (response.path("errors").asBoolean()) {
                        throw new IllegalStateException("plain _bulk had item errors");
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            post("/" + index + "/_refresh", null);
            double seconds = (System.nanoTime() - began) / 1e9;
            checkCount(index, documents.size());
            return documents.size() / seconds;
        }
        finally {
            threads.shutdown();
        }
    }

    /** Creates {@code index} with the settings and mappings Elasticsearch reports for {@code like}. */
    private void createLike(String like, String index) throws IOException {
        JsonNode existing = get("/" + like).path(like);
        ObjectNode settings = (ObjectNode) existing.path("settings").path("index").deepCopy();
        for (String generated : Set.of("uuid", "version", "creation_date", "provided_name", "routing")) {
            settings.remove(generated);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("settings", JSON.createObjectNode().set("index", settings));
        body.set("mappings", existing.path("mappings"));
        put("/" + index, JSON.writeValueAsBytes(body));
    }

    private static void awaitAssignment(Admin admin, String group) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(10, TimeUnit.SECONDS);
            if (description.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the indexer got no partition of its topic in 60 s");
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
        return offsets.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private void checkCount(String index, int expected) throws IOException {
        long count = get("/" + index + "/_count").path("count").asLong();
        if (count != expected) {
            throw new IllegalStateException(index + " has " + count + " documents, not " + expected);
        }
    }

    /** N articles: the fixture's 43, over and over, each copy an issue of its own (distinct ids, serials, titles). */
    static List<ArticleExtracted> articles(int count) throws IOException {
        JsonNode fixture;
        try (InputStream in = IndexingThroughput.class.getClassLoader()
            .getResourceAsStream("fixtures/issue-121.expected.json")) {
            fixture = JSON.readTree(in.readAllBytes());
        }
        List<JsonNode> templates = new ArrayList<>();
        fixture.path("articles").forEach(templates::add);
        Instant parsedAt = Instant.parse("2023-05-30T08:00:00Z");
        List<ArticleExtracted> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode article = templates.get(i % templates.size());
            int serial = 1000 + i / templates.size();
            IssueRef issue = new IssueRef(serial, 2023, 5, 4, "园区周报 (总" + serial + "期)",
                    "https://www.parkworld.net/uploads/issue-" + serial + ".pdf",
                    "0".repeat(64), LocalDate.of(2023, 5, 30));
            articles.add(new ArticleExtracted(1, String.format(Locale.ROOT, "%d-%012x", serial, i), issue,
                    article.path("ordinal").asInt(), article.path("section").asString(),
                    article.path("title").asString(), article.path("lead").asString(), article.path("body").asString(),
                    article.path("sourceName").asString(null), article.path("page").asInt(),
                    List.of(LocalDate.of(2023, 5, 24)), List.of(), List.of(), List.of(), "0.2.0", parsedAt));
        }
        return articles;
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(this.elasticsearch + path)).GET());
    }

    private JsonNode post(String path, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(this.elasticsearch + path))
            .header("Content-Type", "application/x-ndjson")
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void put(String path, byte[] body) throws IOException {
        send(HttpRequest.newBuilder(URI.create(this.elasticsearch + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void delete(String path) throws IOException {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(this.elasticsearch + path)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IOException(response.request().uri() + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(response.body());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static String loadAverage() {
        try {
            return "load average " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        }
        catch (IOException | UncheckedIOException ex) {
            return "load average unknown";
        }
    }
}
