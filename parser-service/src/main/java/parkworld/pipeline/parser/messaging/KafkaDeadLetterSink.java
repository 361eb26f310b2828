package parkworld.pipeline.parser.messaging;

import java.time.Clock;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import parkworld.pipeline.contract.DeadLetterHeaders;

/** Sends the original payload, byte for byte, to the parser's dead-letter topic with the reason in headers. */
class KafkaDeadLetterSink implements IssueProcessor.DeadLetterSink {

    static final String BINDING = "parserDeadLetter-out-0";

    private final StreamBridge streamBridge;
    private final Clock clock;

    KafkaDeadLetterSink(StreamBridge streamBridge, Clock clock) {
        this.streamBridge = streamBridge;
        this.clock = clock;
    }

    @Override
    public void send(IssueProcessor.IncomingRecord record, String reason, String message) {
        boolean sent = this.streamBridge.send(BINDING, MessageBuilder.withPayload(record.payload())
            .setHeader(DeadLetterHeaders.REASON, reason)
            .setHeader(DeadLetterHeaders.MESSAGE, message)
            .setHeader(DeadLetterHeaders.SERVICE, "parser-service")
            .setHeader(DeadLetterHeaders.ORIGINAL_TOPIC, record.topic())
            .setHeader(DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(record.partition()))
            .setHeader(DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(record.offset()))
            .setHeader(DeadLetterHeaders.FAILED_AT, this.clock.instant().toString())
            .build());
        if (!sent) {
            throw new IllegalStateException("binding " + BINDING + " refused a dead letter");
        }
    }
}
