package parkworld.pipeline.indexer.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;
import parkworld.pipeline.messaging.ConsumedRecord;

/**
 * Reads the records of a batch as the Kafka binder delivers it in batch mode with the
 * {@link MessagingConfiguration#RAW_RECORD_CONVERTER raw-record converter}: the {@link KafkaHeaders#RAW_DATA} header
 * holds the consumed {@link ConsumerRecord}s themselves. They are read from there rather than from the message's
 * mapped headers because header mapping is lossy: it consumes {@code spring_json_header_types} and decodes the
 * headers it lists, so a dead letter built from mapped headers would not carry the original headers byte for byte.
 */
final class KafkaBatch {

    private KafkaBatch() {
    }

    /**
     * @param batch the batch message
     * @return its records, in the order they were polled
     * @throws IllegalStateException when the batch carries no raw records: the binding is not configured with the
     *                               raw-record converter
     */
    static List<ConsumedRecord> records(Message<?> batch) {
        if (!(batch.getHeaders().get(KafkaHeaders.RAW_DATA) instanceof List<?> raw)) {
            throw new IllegalStateException("batch without " + KafkaHeaders.RAW_DATA + " header: configure "
                    + "spring.cloud.stream.kafka.bindings." + MessagingConfiguration.INPUT_BINDING
                    + ".consumer.converter-bean-name=" + MessagingConfiguration.RAW_RECORD_CONVERTER);
        }
        List<ConsumedRecord> records = new ArrayList<>(raw.size());
        for (Object record : raw) {
            records.add(ConsumedRecord.of((ConsumerRecord<?, ?>) record));
        }
        return records;
    }

    /** @return a batch converter that hands the listener the consumed records as they are */
    static BatchMessagingMessageConverter rawRecordConverter() {
        // No record converter: each payload is the record value as the ByteArrayDeserializer read it.
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter(null);
        converter.setRawRecordHeader(true);
        return converter;
    }
}
