package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import parkworld.pipeline.messaging.ConsumedRecord;

class KafkaBatchTests {

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ConsumerRecord<byte[], byte[]> record(int partition, long offset, byte[] key, byte[] value,
            RecordHeaders headers) {
        return new ConsumerRecord<>("parkworld.articles", partition, offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                key, value, headers, Optional.empty());
    }

    /** The batch as the binder hands it over with the raw-record converter the binding is configured with. */
    static Message<?> batch(List<ConsumerRecord<byte[], byte[]>> records) {
        return KafkaBatch.rawRecordConverter().toMessage(new ArrayList<ConsumerRecord<?, ?>>(records), null, null,
                byte[].class);
    }

    @Test
    void readsEachRecordWithItsCoordinatesKeyValueAndEveryHeaderByteForByte() {
        byte[] notUtf8 = { (byte) 0xff, 0x00, (byte) 0xfe };
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_id", utf8("e1")));
        headers.add(new RecordHeader("spring_json_header_types", utf8("{\"contentType\":\"java.lang.String\"}")));
        headers.add(new RecordHeader("contentType", utf8("\"application/json\"")));
        headers.add(new RecordHeader("traceparent", utf8("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
        headers.add(new RecordHeader("binary", notUtf8));

        List<ConsumedRecord> records = KafkaBatch.records(batch(List.of(
                record(0, 5L, utf8("121-000000000001"), utf8("{\"a\":1}"), new RecordHeaders()),
                record(2, 17L, utf8("121-000000000002"), utf8("{\"b\":2}"), headers))));

        assertThat(records).hasSize(2);
        ConsumedRecord second = records.get(1);
        assertThat(second.coordinates()).isEqualTo("parkworld.articles-2@17");
        assertThat(second.key()).isEqualTo(utf8("121-000000000002"));
        assertThat(second.value()).isEqualTo(utf8("{\"b\":2}"));
        assertThat(second.headers()).as("every header, including those a header mapper would consume or decode")
            .containsOnlyKeys("ce_id", "spring_json_header_types", "contentType", "traceparent", "binary");
        assertThat(second.headers().get("contentType")).isEqualTo(utf8("\"application/json\""));
        assertThat(second.headers().get("binary")).isEqualTo(notUtf8);
        assertThat(records.get(0).headers()).isEmpty();
    }

    @Test
    void keepsTombstonesAsRecordsWithoutValue() {
        List<ConsumedRecord> records = KafkaBatch.records(batch(List.of(record(1, 3L, null, null, new RecordHeaders()))));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.value()).isNull();
            assertThat(record.key()).isNull();
            assertThat(record.coordinates()).isEqualTo("parkworld.articles-1@3");
        });
    }

    @Test
    void refusesABatchWithoutTheRawRecordsNamingTheSettingThatIsMissing() {
        Message<List<byte[]>> mapped = MessageBuilder.withPayload(List.of(utf8("{}"))).build();

        assertThatThrownBy(() -> KafkaBatch.records(mapped)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("converter-bean-name=rawRecordBatchConverter");
    }
}
