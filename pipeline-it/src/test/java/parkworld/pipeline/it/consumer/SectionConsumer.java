package parkworld.pipeline.it.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.Topics;

/**
 * The consumer guide's example (article-contract/CONSUMING.md): a downstream team reading the articles of one section,
 * with nothing but kafka-clients and the contract jar. Committed articles only, the section taken from the
 * {@code ce_section} header without parsing the others, offsets committed after the articles were handled.
 * <pre>
 * java ... SectionConsumer broker:9092 analytics-investments 招商引资
 * </pre>
 */
public final class SectionConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String section;

    /**
     * @param bootstrapServers the cluster
     * @param groupId          your own consumer group, {@code <team>-<purpose>}
     * @param topic            {@link Topics#ARTICLES} unless overridden
     * @param section          e.g. {@code 招商引资}
     */
    public SectionConsumer(String bootstrapServers, String groupId, String topic, String section) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Articles of an issue are published in one transaction: see each issue once, whole, never an aborted attempt.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A new group starts with the oldest article still on the topic.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Commit only after the articles were handled: a crash then redelivers, never loses.
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(topic));
        this.section = section;
    }

    /**
     * Polls once, hands every article of the section to {@code handler}, then commits what was polled.
     *
     * @return the articles handed over
     */
    public List<ArticleExtracted> pollOnce(Duration timeout, Consumer<ArticleExtracted> handler) {
        List<ArticleExtracted> handled = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : this.consumer.poll(timeout)) {
            // Route on the headers: another type (a future v2 on this topic) or another section is skipped unparsed.
            if (!EventType.ARTICLE_EXTRACTED.cloudEventType().equals(header(record, CloudEventHeaders.TYPE))
                    || !this.section.equals(header(record, CloudEventHeaders.SECTION))) {
                continue;
            }
            // Unknown properties (a newer minor version) are ignored; MalformedEventException if not an article.
            ArticleExtracted article = EventJson.read(record.value(), ArticleExtracted.class);
            handler.accept(article); // upsert by articleId, keep the latest parsedAt
            handled.add(article);
        }
        this.consumer.commitSync();
        return handled;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        this.consumer.close();
    }

    public static void main(String[] args) {
        try (SectionConsumer consumer = new SectionConsumer(args[0], args[1], Topics.ARTICLES, args[2])) {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.pollOnce(Duration.ofSeconds(1),
                        article -> System.out.println(article.articleId() + " " + article.title()));
            }
        }
    }
}
