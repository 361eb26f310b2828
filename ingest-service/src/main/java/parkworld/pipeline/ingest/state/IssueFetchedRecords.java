package parkworld.pipeline.ingest.state;

import org.apache.kafka.clients.producer.ProducerRecord;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.ingest.run.InvalidEventException;

/** Turns an {@link IssueFetched} into the Kafka record announcing it (topic, key, CloudEvent headers, JSON). */
@FunctionalInterface
public interface IssueFetchedRecords {

    /**
     * @throws InvalidEventException when the event breaks its schema: it must not be published
     */
    ProducerRecord<byte[], byte[]> toRecord(IssueFetched event) throws InvalidEventException;
}
