package parkworld.pipeline.parser.messaging;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;

/**
 * Sends an issue's checked records through StreamBridge: each article keyed by its id, then the summary. Called
 * on the consumer thread, so with the binder's transactions every send joins the container's transaction (the
 * bindings use the binder's transactional producer factory, the one the container's transaction manager bound to
 * the thread): the issue's records and the consumed offset are committed together or not at all.
 */
class KafkaIssueEventSink implements IssueProcessor.IssueEventSink {

    static final String ARTICLES_BINDING = "articleExtracted-out-0";
    static final String SUMMARY_BINDING = "issueParsed-out-0";

    private final StreamBridge streamBridge;

    KafkaIssueEventSink(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(IssueOutput output) {
        for (OutgoingRecord article : output.articles()) {
            send(article);
        }
        send(output.summary());
    }

    /** Sends one record; returns once the broker acknowledged it (the bindings are synchronous). */
    void send(OutgoingRecord record) {
        String binding = record.type() == EventType.ISSUE_PARSED ? SUMMARY_BINDING : ARTICLES_BINDING;
        Message<byte[]> message = MessageBuilder.withPayload(record.value())
            .copyHeaders(record.headers())
            .setHeader(KafkaHeaders.KEY, record.keyBytes())
            .build();
        if (!this.streamBridge.send(binding, message)) {
            throw new IllegalStateException("binding " + binding + " refused record " + record.key());
        }
    }
}
