package parkworld.pipeline.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.run.InvalidEventException;
import parkworld.pipeline.ingest.state.IssueFetchedRecords;

/**
 * Builds the record announcing an {@link IssueFetched}: a CloudEvent in binary mode, keyed by issue key, on the
 * issues-fetched topic. The ledger sends it in the same transaction as the candidate's state record.
 * <p>
 * A producer never publishes what breaks its own contract: each event is checked against its JSON Schema, as
 * serialised, before it is sent. One that fails is counted in {@link PipelineMeters#INVALID_EVENTS} and refused with
 * {@link InvalidEventException}.
 */
class KafkaIssueFetchedRecords implements IssueFetchedRecords {

    static final String SOURCE = "/parkworld/ingest-service";

    private final String topic;

    private final Counter invalidEvents;

    KafkaIssueFetchedRecords(String topic, MeterRegistry meters) {
        this.topic = topic;
        this.invalidEvents = Counter.builder(PipelineMeters.INVALID_EVENTS)
            .description("Events a producer built that broke their own schema and were not published")
            .tag(PipelineMeters.TAG_EVENT_TYPE, EventType.ISSUE_FETCHED.name())
            .register(meters);
    }

    @Override
    public ProducerRecord<byte[], byte[]> toRecord(IssueFetched event) throws InvalidEventException {
        byte[] json = EventJson.write(event);
        List<String> violations = EventType.ISSUE_FETCHED.violations(json);
        if (!violations.isEmpty()) {
            this.invalidEvents.increment();
            throw new InvalidEventException("IssueFetched of " + event.issueKey(), violations);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic,
                event.issueKey().getBytes(StandardCharsets.UTF_8), json);
        CloudEventHeaders.of(EventType.ISSUE_FETCHED, SOURCE, event.issueKey(), event.fetchedAt())
            .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
