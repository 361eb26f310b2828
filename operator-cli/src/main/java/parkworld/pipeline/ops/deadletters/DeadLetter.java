package parkworld.pipeline.ops.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.DeadLetterHeaders;

/**
 * One record of a dead-letter topic: where it sits, and the original record (key, value, headers as raw bytes) with
 * the {@link DeadLetterHeaders} saying why it was given up on.
 *
 * @param topic     the dead-letter topic
 * @param partition its partition
 * @param offset    its offset there
 * @param key       the original key, null when it had none
 * @param value     the original value
 * @param headers   every header in order, the original ones and the dead-letter ones
 */
record DeadLetter(String topic, int partition, long offset, byte[] key, byte[] value, List<Header> headers) {

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new java.util.ArrayList<>();
        record.headers().forEach(h -> headers.add(new RecordHeader(h.key(), h.value())));
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                List.copyOf(headers));
    }

    /** The last value of a header as UTF-8 text. */
    Optional<String> header(String name) {
        String value = null;
        for (Header header : this.headers) {
            if (header.key().equals(name)) {
                value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return Optional.ofNullable(value);
    }

    /** A {@code DeadLetterReason} name, or whatever a newer producer wrote; {@code -} when missing. */
    String reason() {
        return header(DeadLetterHeaders.REASON).orElse("-");
    }

    String message() {
        return header(DeadLetterHeaders.MESSAGE).orElse("");
    }

    String service() {
        return header(DeadLetterHeaders.SERVICE).orElse("-");
    }

    String failedAt() {
        return header(DeadLetterHeaders.FAILED_AT).orElse("-");
    }

    /** Where the record is replayed to: the topic it was read from before it failed. */
    Optional<String> originalTopic() {
        return header(DeadLetterHeaders.ORIGINAL_TOPIC).filter(topic -> !topic.isBlank());
    }

    Optional<Integer> originalPartition() {
        return header(DeadLetterHeaders.ORIGINAL_PARTITION).flatMap(DeadLetter::parseInt);
    }

    Optional<Long> originalOffset() {
        return header(DeadLetterHeaders.ORIGINAL_OFFSET).flatMap(DeadLetter::parseLong);
    }

    /** {@code topic-partition@offset} of the original record, {@code ?} for what the headers do not say. */
    String originalPosition() {
        return originalTopic().orElse("?") + "-" + originalPartition().map(String::valueOf).orElse("?") + "@"
                + originalOffset().map(String::valueOf).orElse("?");
    }

    /** {@code topic-partition@offset} of this dead letter: the {@link DeadLetterHeaders#REPLAYED_FROM} of a replay. */
    String position() {
        return this.topic + "-" + this.partition + "@" + this.offset;
    }

    /** What the record is about: the CloudEvents subject (issue key or article id), else its key, else {@code -}. */
    String subject() {
        return header(CloudEventHeaders.SUBJECT).filter(s -> !s.isBlank())
            .or(() -> Optional.ofNullable(this.key).map(k -> new String(k, StandardCharsets.UTF_8)))
            .orElse("-");
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
