package parkworld.pipeline.indexer.messaging;

import java.util.Map;

/**
 * One Kafka record of a batch, as received.
 *
 * @param topic     where it came from
 * @param partition its partition
 * @param offset    its offset
 * @param key       its key bytes (the article id), null when it has none
 * @param payload   its value bytes, null for a tombstone
 * @param headers   its CloudEvents headers ({@code ce_*}, {@code content-type}), copied onto a dead letter
 */
public record IncomingRecord(String topic, int partition, long offset, byte[] key, byte[] payload,
        Map<String, byte[]> headers) {

    public IncomingRecord {
        headers = Map.copyOf(headers);
    }

    /** @return {@code topic-partition@offset}, for logs */
    public String coordinates() {
        return this.topic + "-" + this.partition + "@" + this.offset;
    }
}
