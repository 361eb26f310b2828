package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.support.SendResult;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.messaging.TransientFailures;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;

class KafkaIssueEventSinkTests {

    @SuppressWarnings("unchecked")
    private final KafkaOperations<byte[], byte[]> kafka = mock(KafkaOperations.class);
    private final List<ProducerRecord<byte[], byte[]>> handed = new ArrayList<>();
    private final List<CompletableFuture<SendResult<byte[], byte[]>>> pending = new ArrayList<>();
    private final KafkaIssueEventSink sink = new KafkaIssueEventSink(this.kafka, "articles", "parsed");

    private final IssueOutput issue = new IssueOutput(null, List.of(record(EventType.ARTICLE_EXTRACTED, "a-1"),
            record(EventType.ARTICLE_EXTRACTED, "a-2")), record(EventType.ISSUE_PARSED, "issue-7"), 0);

    KafkaIssueEventSinkTests() {
        when(this.kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            this.handed.add(call.getArgument(0));
            CompletableFuture<SendResult<byte[], byte[]>> send = new CompletableFuture<>();
            this.pending.add(send);
            return send;
        });
    }

    @Test
    void handsEveryRecordOfTheIssueToTheProducerBeforeWaitingForAny() {
        doAnswer(call -> {
            assertThat(this.pending).as("nothing acknowledged before the flush").hasSize(3).noneMatch(f -> f.isDone());
            this.pending.forEach(f -> f.complete(null));
            return null;
        }).when(this.kafka).flush();

        this.sink.publish(this.issue);

        InOrder order = inOrder(this.kafka);
        order.verify(this.kafka, times(3)).send(any(ProducerRecord.class));
        order.verify(this.kafka).flush();
        assertThat(this.handed).extracting(r -> r.topic() + "/" + new String(r.key(), StandardCharsets.UTF_8))
            .as("the articles in issue order, then the summary")
            .containsExactly("articles/a-1", "articles/a-2", "parsed/issue-7");
    }

    @Test
    void aSendTheBrokerRefusesAfterTheHandOverFailsTheIssueWithItsCause() {
        doAnswer(call -> {
            this.pending.get(0).complete(null);
            this.pending.get(1).completeExceptionally(new KafkaProducerException(this.handed.get(1), "Failed to send",
                    new RecordTooLargeException("the request included a message larger than the max message size")));
            this.pending.get(2).complete(null);
            return null;
        }).when(this.kafka).flush();

        assertThatThrownBy(() -> this.sink.publish(this.issue))
            .hasMessageContaining("issue issue-7: 1 of 3 records not written")
            .satisfies(failure -> assertThat(TransientFailures.permanentReason(failure))
                .as("still dead-lettered for what the broker said").contains(DeadLetterReason.EVENT_TOO_LARGE));
    }

    @Test
    void aTransientSendFailureStaysTransientSoTheIssueIsRetried() {
        doAnswer(call -> {
            this.pending.forEach(f -> f.completeExceptionally(new KafkaProducerException(this.handed.get(0),
                    "Failed to send", new org.apache.kafka.common.errors.TimeoutException("expired"))));
            return null;
        }).when(this.kafka).flush();

        assertThatThrownBy(() -> this.sink.publish(this.issue)).hasMessageContaining("3 of 3 records not written")
            .satisfies(failure -> assertThat(TransientFailures.permanentReason(failure)).isEmpty());
    }

    @Test
    void recordsCarryTheCloudEventsHeadersAsUtf8StringsAndTheBindersHeaderTypes() {
        doAnswer(call -> {
            this.pending.forEach(f -> f.complete(null));
            return null;
        }).when(this.kafka).flush();

        this.sink.publish(this.issue);

        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : this.handed.get(0).headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsEntry("ce_type", EventType.ARTICLE_EXTRACTED.cloudEventType())
            .containsEntry("ce_section", "招商引资").containsEntry("content-type", "application/json")
            .containsEntry("message-type", "cloudevent")
            .containsOnlyKeys("ce_type", "ce_section", "content-type", "message-type", "spring_json_header_types");
        assertThat(headers.get("spring_json_header_types")).contains("\"ce_section\":\"java.lang.String\"");
    }

    private static OutgoingRecord record(EventType type, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_type", type.cloudEventType());
        if (type == EventType.ARTICLE_EXTRACTED) {
            headers.put("ce_section", "招商引资");
        }
        headers.put("content-type", "application/json");
        return new OutgoingRecord(type, key, ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), headers);
    }
}
