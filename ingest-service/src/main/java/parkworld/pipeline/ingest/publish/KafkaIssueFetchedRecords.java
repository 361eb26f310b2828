package parkworld.pipeline.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
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

    private final Consumer<Headers> traceContext;

    /**
     * @param traceContext writes the current trace context (W3C {@code traceparent}) into a record's headers, so the
     *                     parser's spans join the ingest run's trace; a no-op without tracing
     */
    KafkaIssueFetchedRecords(String topic, MeterRegistry meters, Consumer<Headers> traceContext) {
        this.topic = topic;
        this.traceContext = traceContext;
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
        this.traceContext.accept(record.headers());
        return record;
    }
}
