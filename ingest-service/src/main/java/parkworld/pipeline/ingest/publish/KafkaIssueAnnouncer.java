package parkworld.pipeline.ingest.publish;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.ingest.run.IssueAnnouncer;

/**
 * Sends {@link IssueFetched} on the {@value #BINDING} binding as a CloudEvent in binary mode. The binding's producer
 * is synchronous, so a return means the broker acknowledged the record.
 */
class KafkaIssueAnnouncer implements IssueAnnouncer {

    static final String BINDING = "issueFetched-out-0";

    static final String SOURCE = "/parkworld/ingest-service";

    private final StreamBridge streamBridge;

    KafkaIssueAnnouncer(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void announce(IssueFetched event) {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.write(event))
            .copyHeaders(CloudEventHeaders.of(EventType.ISSUE_FETCHED, SOURCE, event.issueKey(), event.fetchedAt()))
            .setHeader(KafkaHeaders.KEY, event.issueKey().getBytes(StandardCharsets.UTF_8))
            .build();
        if (!this.streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("binding " + BINDING + " refused issue " + event.issueKey());
        }
    }
}
