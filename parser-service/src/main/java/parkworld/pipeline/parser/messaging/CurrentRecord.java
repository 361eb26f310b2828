package parkworld.pipeline.parser.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.messaging.Message;
import parkworld.pipeline.messaging.ConsumedRecord;

/**
 * The Kafka record the container is handing to the function on this thread, as it was consumed. Needed because the
 * function does not see the record's headers as they were: Spring Cloud Function recognises CloudEvents headers on
 * its input and renames them to their canonical form ({@code ce_id} becomes {@code ce-id}), while a dead letter
 * must keep the original headers byte for byte.
 */
final class CurrentRecord implements RecordInterceptor<Object, Object> {

    private static final ThreadLocal<ConsumerRecord<?, ?>> RECORD = new ThreadLocal<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        RECORD.set(record);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        RECORD.remove();
    }

    /**
     * @param message what the function received
     * @return the record as consumed; from the message only when no container is involved (its CloudEvents header
     *         names may then be canonical rather than original)
     */
    static ConsumedRecord of(Message<byte[]> message) {
        ConsumerRecord<?, ?> record = RECORD.get();
        return record != null ? ConsumedRecord.of(record) : ConsumedRecord.of(message);
    }
}
