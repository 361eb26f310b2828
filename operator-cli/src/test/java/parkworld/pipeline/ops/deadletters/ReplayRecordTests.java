package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;

class ReplayRecordTests {

    private static final byte[] KEY = "issue-121".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {1, 2, (byte) 0xff};

    @Test
    void keepsKeyValueAndOriginalHeadersInOrderAndNamesTheDeadLetter() {
        List<Header> headers = new ArrayList<>(List.of(header("ce_subject", "issue-121"),
                new RecordHeader("x-binary", new byte[] {(byte) 0xfe}), header("ce_type", "t")));
        headers.addAll(deadLetterHeaders("parkworld.issues.fetched"));

        ProducerRecord<byte[], byte[]> replay = ReplayRecord.of(
                new DeadLetter("parkworld.parser.dlq", 1, 42, KEY, VALUE, headers));

        assertThat(replay.topic()).isEqualTo("parkworld.issues.fetched");
        assertThat(replay.partition()).as("left to key hashing").isNull();
        assertThat(replay.key()).isEqualTo(KEY);
        assertThat(replay.value()).isEqualTo(VALUE);
        assertThat(replay.headers().toArray()).extracting(Header::key)
            .containsExactly("ce_subject", "x-binary", "ce_type", DeadLetterHeaders.REPLAYED_FROM);
        assertThat(replay.headers().lastHeader("x-binary").value()).isEqualTo(new byte[] {(byte) 0xfe});
        assertThat(new String(replay.headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
            .isEqualTo("parkworld.parser.dlq-1@42");
    }

    @Test
    void anEarlierReplayOriginIsReplacedNotRepeated() {
        List<Header> headers = new ArrayList<>(List.of(header(DeadLetterHeaders.REPLAYED_FROM, "old-0@1")));
        headers.addAll(deadLetterHeaders("parkworld.articles"));

        ProducerRecord<byte[], byte[]> replay = ReplayRecord.of(new DeadLetter("dlq", 0, 5, null, VALUE, headers));

        assertThat(replay.headers().headers(DeadLetterHeaders.REPLAYED_FROM)).hasSize(1);
        assertThat(new String(replay.headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
            .isEqualTo("dlq-0@5");
        assertThat(replay.key()).isNull();
    }

    @Test
    void aDeadLetterWithoutItsOriginalTopicCannotBeReplayed() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ReplayRecord.of(new DeadLetter("dlq", 0, 3, KEY, VALUE, List.of(header("ce_type", "t")))))
            .withMessage("dlq-0@3 has no parkworld_dlq_original_topic header");
    }

    static List<Header> deadLetterHeaders(String originalTopic) {
        List<Header> headers = new ArrayList<>();
        DeadLetterHeaders.of(DeadLetterReason.NOT_PDF, "Not a PDF", "parser-service", originalTopic, 0, 7,
                Instant.parse("2026-05-30T07:00:05Z")).forEach((name, value) -> headers.add(header(name, value)));
        return headers;
    }

    static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
