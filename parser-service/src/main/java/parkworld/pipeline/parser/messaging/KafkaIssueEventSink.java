package parkworld.pipeline.parser.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.CloudEventHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.publish.IssueEvents;

/**
 * Publishes a parse: each article keyed by its id with its section as a CloudEvents extension header, then the
 * summary. The bindings' producers are synchronous, so the summary is only sent once every article was acknowledged.
 */
class KafkaIssueEventSink implements IssueProcessor.IssueEventSink {

    static final String ARTICLES_BINDING = "articleExtracted-out-0";
    static final String SUMMARY_BINDING = "issueParsed-out-0";
    static final String SOURCE = "/parkworld/parser-service";

    private final StreamBridge streamBridge;

    KafkaIssueEventSink(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(IssueEvents events) {
        for (ArticleExtracted article : events.articles()) {
            send(ARTICLES_BINDING, MessageBuilder.withPayload(EventJson.write(article))
                .copyHeaders(CloudEventHeaders.of(EventType.ARTICLE_EXTRACTED, SOURCE, article.articleId(),
                        article.parsedAt()))
                .setHeader(CloudEventHeaders.SECTION, article.section())
                .setHeader(KafkaHeaders.KEY, article.articleId().getBytes(StandardCharsets.UTF_8))
                .build());
        }
        IssueParsed summary = events.summary();
        send(SUMMARY_BINDING, MessageBuilder.withPayload(EventJson.write(summary))
            .copyHeaders(CloudEventHeaders.of(EventType.ISSUE_PARSED, SOURCE, summary.issueKey(), summary.parsedAt()))
            .setHeader(KafkaHeaders.KEY, summary.issueKey().getBytes(StandardCharsets.UTF_8))
            .build());
    }

    private void send(String binding, Message<byte[]> message) {
        if (!this.streamBridge.send(binding, message)) {
            throw new IllegalStateException("binding " + binding + " refused a record");
        }
    }
}
