package parkworld.pipeline.parser.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.function.context.message.MessageUtils;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.messaging.MessageHeaders;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;

/**
 * Publishes an issue's checked records, each article keyed by its id, then the summary, through the binder's
 * transactional producer: called on the consumer thread, so every send joins the transaction the container's
 * transaction manager began for the consumed {@code IssueFetched} (same producer factory, so the same producer), and
 * the issue's records and the consumed offset are committed together or not at all.
 *
 * <p><b>Pipelined, then checked.</b> All records are handed to the producer without awaiting any of them (one broker
 * round trip per article was about 1 s per issue on a loaded machine, benchmarks/README.md), then the producer is
 * flushed and the outcome of every send is checked before {@link #publish} returns, that is before the container
 * sends the offset to the transaction and commits. A send that failed (the broker refused the record, a timeout)
 * makes {@link #publish} throw: the container aborts the transaction, and the after-rollback processor retries the
 * {@code IssueFetched} (transient) or dead-letters it (permanent, e.g. {@code EVENT_TOO_LARGE}). An aborted attempt
 * leaves nothing for {@code read_committed} consumers; the records the producer had already written stay in the log,
 * marked aborted ({@code read_uncommitted} consumers see them), those it had not written are discarded.
 *
 * <p>Records go out as they did through StreamBridge and as the contract states (article-contract's CONSUMING.md):
 * the value, the key, the CloudEvents headers as UTF-8 strings (see {@link #headers}); the template's observation adds
 * the W3C {@code traceparent} of a span per record, a child of the listener's span for the consumed
 * {@code IssueFetched}.
 */
class KafkaIssueEventSink implements IssueProcessor.IssueEventSink {

    /** The binder's default header mapping (what its producers use without a {@code headerPatterns} setting). */
    private static final BinderHeaderMapper HEADER_MAPPER = new BinderHeaderMapper();

    private final KafkaOperations<byte[], byte[]> kafka;
    private final String articlesTopic;
    private final String summaryTopic;

    /**
     * @param kafka         a template on the binder's transactional producer factory
     * @param articlesTopic where {@code ArticleExtracted} records go ({@code parkworld.topics.articles})
     * @param summaryTopic  where the {@code IssueParsed} goes ({@code parkworld.topics.issues-parsed})
     */
    KafkaIssueEventSink(KafkaOperations<byte[], byte[]> kafka, String articlesTopic, String summaryTopic) {
        this.kafka = kafka;
        this.articlesTopic = articlesTopic;
        this.summaryTopic = summaryTopic;
    }

    @Override
    public void publish(IssueOutput output) {
        List<CompletableFuture<?>> sends = new ArrayList<>(output.articles().size() + 1);
        for (OutgoingRecord article : output.articles()) {
            sends.add(send(article));
        }
        sends.add(send(output.summary()));
        flush();
        awaitAll(output.summary().key(), sends);
    }

    /** Hands one record to the producer; the future completes once the broker acknowledged or refused it. */
    CompletableFuture<?> send(OutgoingRecord record) {
        String topic = record.type() == EventType.ISSUE_PARSED ? this.summaryTopic : this.articlesTopic;
        return this.kafka.send(new ProducerRecord<>(topic, null, record.keyBytes(), record.value(), headers(record)));
    }

    /** Sends what the producer still holds and waits until the broker answered for every record handed so far. */
    void flush() {
        this.kafka.flush();
    }

    /**
     * Every send's outcome (all are complete after the flush; the join does not wait unless the flush was cut
     * short): throws, naming how many failed, with the first failure as the cause, so the failure's type (a
     * {@code RecordTooLargeException}, say) still decides between retry and dead letter.
     */
    private static void awaitAll(String issueKey, List<CompletableFuture<?>> sends) {
        Throwable first = null;
        int failed = 0;
        for (CompletableFuture<?> send : sends) {
            try {
                send.join();
            }
            catch (CompletionException ex) {
                failed++;
                if (first == null) {
                    first = ex.getCause() != null ? ex.getCause() : ex;
                }
            }
        }
        if (first != null) {
            throw new KafkaException("issue " + issueKey + ": " + failed + " of " + sends.size()
                    + " records not written, the transaction is aborted", first);
        }
    }

    /**
     * The record's headers as the binder's default mapping made them when the records went through StreamBridge
     * (so consumers see the same headers as before): the CloudEvents headers as UTF-8 strings, Spring Cloud
     * Function's {@code message-type: cloudevent} and the mapper's {@code spring_json_header_types}, which let a
     * Spring consumer map them back to strings. Neither is part of the contract.
     */
    private static RecordHeaders headers(OutgoingRecord record) {
        Map<String, Object> headers = new HashMap<>(record.headers());
        headers.put(MessageUtils.MESSAGE_TYPE, CloudEventMessageUtils.CLOUDEVENT_VALUE);
        RecordHeaders mapped = new RecordHeaders();
        HEADER_MAPPER.fromHeaders(new MessageHeaders(headers), mapped);
        return mapped;
    }
}
