package parkworld.pipeline.benchmarks.backfill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the harness reads from Kafka and Elasticsearch while a phase runs: the {@code IssueFetched} and
 * {@code IssueParsed} records ({@code read_committed}, no consumer group of its own), every group's lag, and how many
 * articles are searchable.
 */
final class PipelineProbe implements AutoCloseable {

    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"_id\"\\s*:\\s*\"([^\"]+)\"");

    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String elasticsearch;
    private final String alias;
    private final List<String> topics;
    private boolean assigned;

    PipelineProbe(String bootstrapServers, String elasticsearch, String alias, List<String> topics) {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.elasticsearch = elasticsearch;
        this.alias = alias;
        this.topics = List.copyOf(topics);
    }

    /** New records on the probed topics (none until every one of them exists); they are read from the beginning. */
    List<ConsumerRecord<String, byte[]>> poll() {
        if (!this.assigned) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : this.topics) {
                List<PartitionInfo> infos = this.consumer.partitionsFor(topic, Duration.ofSeconds(2));
                if (infos == null || infos.isEmpty()) {
                    return List.of();
                }
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            this.consumer.assign(partitions);
            this.consumer.seekToBeginning(partitions);
            this.assigned = true;
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        this.consumer.poll(Duration.ofMillis(50)).forEach(records::add);
        return records;
    }

    /**
     * Each consumer group's lag: for every partition it has committed or been assigned, the last stable offset
     * minus the committed one (0 when nothing was committed yet). Transaction markers count as records here, so a
     * drained partition can show a lag of one marker at most.
     */
    Map<String, Long> lag() {
        Map<String, Long> lags = new TreeMap<>();
        try {
            Collection<ConsumerGroupListing> groups = this.admin.listConsumerGroups().all().get();
            List<String> ids = groups.stream().map(ConsumerGroupListing::groupId).toList();
            if (ids.isEmpty()) {
                return lags;
            }
            Map<String, ConsumerGroupDescription> descriptions = this.admin.describeConsumerGroups(ids).all().get();
            Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
            Set<TopicPartition> all = new HashSet<>();
            for (String id : ids) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                Map<TopicPartition, OffsetAndMetadata> byPartition = this.admin.listConsumerGroupOffsets(id)
                    .partitionsToOffsetAndMetadata().get();
                byPartition.forEach((tp, om) -> offsets.put(tp, om == null ? 0L : om.offset()));
                for (MemberDescription member : descriptions.get(id).members()) {
                    member.assignment().topicPartitions().forEach(tp -> offsets.putIfAbsent(tp, 0L));
                }
                committed.put(id, offsets);
                all.addAll(offsets.keySet());
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            all.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = this.admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            committed.forEach((group, offsets) -> {
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> offset : offsets.entrySet()) {
                    var end = ends.get(offset.getKey());
                    if (end != null) {
                        lag += Math.max(0, end.offset() - offset.getValue());
                    }
                }
                lags.put(group, lag);
            });
        }
        catch (java.util.concurrent.ExecutionException ex) {
            // a group or topic coming or going between the calls: no figure this second
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return lags;
    }

    /** Articles searchable on the alias: all of them, or only those parsed at or after {@code parsedSince}. */
    long searchable(Instant parsedSince) {
        String body = parsedSince == null ? "{\"query\":{\"match_all\":{}}}"
                : "{\"query\":{\"range\":{\"parsedAt\":{\"gte\":\"" + parsedSince + "\"}}}}";
        try {
            HttpResponse<String> response = post("/" + this.alias + "/_count", body);
            if (response.statusCode() != 200) {
                return 0; // the index does not exist yet
            }
            Matcher m = COUNT.matcher(response.body());
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
        catch (IOException ex) {
            return 0;
        }
    }

    /** The ids among {@code articleIds} that no search finds (of a parse at or after {@code parsedSince} if given). */
    List<String> missing(Collection<String> articleIds, Instant parsedSince) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (String id : articleIds) {
            batch.add(id);
            if (batch.size() == 500) {
                missing.addAll(missingOf(batch, parsedSince));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            missing.addAll(missingOf(batch, parsedSince));
        }
        return missing;
    }

    private List<String> missingOf(List<String> ids, Instant parsedSince) throws IOException {
        StringBuilder values = new StringBuilder();
        ids.forEach(id -> values.append(values.isEmpty() ? "" : ",").append('"').append(id).append('"'));
        String filter = parsedSince == null ? ""
                : ",{\"range\":{\"parsedAt\":{\"gte\":\"" + parsedSince + "\"}}}";
        String body = "{\"size\":" + ids.size() + ",\"_source\":false,\"query\":{\"bool\":{\"filter\":[{\"ids\":"
                + "{\"values\":[" + values + "]}}" + filter + "]}}}";
        HttpResponse<String> response = post("/" + this.alias + "/_search", body);
        Set<String> found = new HashSet<>();
        Matcher m = ID.matcher(response.body());
        while (m.find()) {
            found.add(m.group(1));
        }
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    private HttpResponse<String> post(String path, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.elasticsearch + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    @Override
    public void close() {
        this.consumer.close();
        this.admin.close();
    }
}
