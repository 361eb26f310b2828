package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class KafkaBatchTests {

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsEachRecordWithItsCoordinatesKeyAndCloudEventsHeaders() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(utf8("{\"a\":1}"), utf8("{\"b\":2}")))
            .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("parkworld.articles", "parkworld.articles"))
            .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 2))
            .setHeader(KafkaHeaders.OFFSET, List.of(5L, 17L))
            .setHeader(KafkaHeaders.RECEIVED_KEY, List.of(utf8("121-000000000001"), utf8("121-000000000002")))
            .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS,
                    List.of(Map.of("ce_id", utf8("e1"), "content-type", "application/json", "traceparent", utf8("x")),
                            Map.of("ce_id", "e2")))
            .build();

        List<IncomingRecord> records = KafkaBatch.records(batch);

        assertThat(records).hasSize(2);
        IncomingRecord second = records.get(1);
        assertThat(second.coordinates()).isEqualTo("parkworld.articles-2@17");
        assertThat(second.key()).isEqualTo(utf8("121-000000000002"));
        assertThat(second.payload()).isEqualTo(utf8("{\"b\":2}"));
        assertThat(records.get(0).headers()).as("only CloudEvents headers are carried over")
            .containsOnlyKeys("ce_id", "content-type");
        assertThat(records.get(0).headers().get("content-type")).isEqualTo(utf8("application/json"));
        assertThat(second.headers().get("ce_id")).isEqualTo(utf8("e2"));
    }

    @Test
    void keepsTombstonesAsRecordsWithoutPayload() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(Arrays.asList((byte[]) null))
            .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("parkworld.articles"))
            .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(1))
            .setHeader(KafkaHeaders.OFFSET, List.of(3L))
            .build();

        assertThat(KafkaBatch.records(batch)).singleElement().satisfies(record -> {
            assertThat(record.payload()).isNull();
            assertThat(record.key()).isNull();
            assertThat(record.coordinates()).isEqualTo("parkworld.articles-1@3");
        });
    }
}
