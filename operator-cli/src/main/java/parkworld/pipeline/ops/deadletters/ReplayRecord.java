package parkworld.pipeline.ops.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import parkworld.pipeline.contract.DeadLetterHeaders;

/**
 * The record a replay sends: the original key, value and headers byte for byte, to the original topic, without the
 * {@link DeadLetterHeaders} and with {@link DeadLetterHeaders#REPLAYED_FROM} naming the dead letter. The partition is
 * left to the producer's key hashing, as for the first delivery, so a replay lands where new records with the same
 * key land.
 */
final class ReplayRecord {

    private ReplayRecord() {
    }

    /**
     * @throws IllegalArgumentException when the dead letter does not say which topic it came from
     */
    static ProducerRecord<byte[], byte[]> of(DeadLetter deadLetter) {
        String topic = deadLetter.originalTopic().orElseThrow(() -> new IllegalArgumentException(
                deadLetter.position() + " has no " + DeadLetterHeaders.ORIGINAL_TOPIC + " header"));
        List<Header> headers = new ArrayList<>();
        for (Header header : deadLetter.headers()) {
            // A record that failed again after an earlier replay carries that replay's origin: name only this one.
            if (!DeadLetterHeaders.isDeadLetterHeader(header.key())
                    && !header.key().equals(DeadLetterHeaders.REPLAYED_FROM)) {
                headers.add(new RecordHeader(header.key(), header.value()));
            }
        }
        headers.add(new RecordHeader(DeadLetterHeaders.REPLAYED_FROM,
                deadLetter.position().getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
    }
}
