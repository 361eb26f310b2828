package parkworld.pipeline.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.run.InvalidEventException;
import parkworld.pipeline.ingest.run.IssueAnnouncer;

/**
 * Sends {@link IssueFetched} on the {@value #BINDING} binding as a CloudEvent in binary mode. The binding's producer
 * is synchronous, so a return means the broker acknowledged the record.
 * <p>
 * A producer never publishes what breaks its own contract: each event is checked against its JSON Schema, as
 * serialised, before it is sent. One that fails is not sent, is counted in {@link PipelineMeters#INVALID_EVENTS}
 * and fails the announcement with {@link InvalidEventException}.
 */
class KafkaIssueAnnouncer implements IssueAnnouncer {

    static final String BINDING = "issueFetched-out-0";

    static final String SOURCE = "/parkworld/ingest-service";

    private final StreamBridge streamBridge;

    private final Counter invalidEvents;

    KafkaIssueAnnouncer(StreamBridge streamBridge, MeterRegistry meters) {
        this.streamBridge = streamBridge;
        this.invalidEvents = Counter.builder(PipelineMeters.INVALID_EVENTS)
            .description("Events a producer built that broke their own schema and were not published")
            .tag(PipelineMeters.TAG_EVENT_TYPE, EventType.ISSUE_FETCHED.name())
            .register(meters);
    }

    @Override
    public void announce(IssueFetched event) throws InvalidEventException {
        byte[] json = EventJson.write(event);
        List<String> violations = EventType.ISSUE_FETCHED.violations(json);
        if (!violations.isEmpty()) {
            this.invalidEvents.increment();
            throw new InvalidEventException("IssueFetched of " + event.issueKey(), violations);
        }
        Message<byte[]> message = MessageBuilder.withPayload(json)
            .copyHeaders(CloudEventHeaders.of(EventType.ISSUE_FETCHED, SOURCE, event.issueKey(), event.fetchedAt()))
            .setHeader(KafkaHeaders.KEY, event.issueKey().getBytes(StandardCharsets.UTF_8))
            .build();
        if (!this.streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("binding " + BINDING + " refused issue " + event.issueKey());
        }
    }
}
