package parkworld.pipeline.indexer.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.DeadLetterHeaders;

/**
 * Publishes dead letters to Kafka: the original key and value bytes, the original CloudEvents headers, and
 * {@link DeadLetterHeaders} (strings, UTF-8) saying why and where from. Waits for every acknowledgement.
 */
public class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {

    /** Dead letters published, tagged {@code reason}. */
    public static final String DEAD_LETTERS_METER = "parkworld.indexer.dead.letters";

    /** Longest explanation put in a header; Elasticsearch reasons can quote whole documents. */
    static final int MAX_MESSAGE_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterPublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Duration sendTimeout;
    private final String service;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param producer    a producer with acks=all; closed by {@link #close()}
     * @param topic       the dead-letter topic
     * @param sendTimeout how long to wait for all acknowledgements
     * @param service     this service's name, for the {@code parkworld_dlq_service} header
     * @param clock       gives {@code parkworld_dlq_failed_at}
     * @param meters      where to count dead letters
     */
    public KafkaDeadLetterPublisher(Producer<byte[], byte[]> producer, String topic, Duration sendTimeout,
            String service, Clock clock, MeterRegistry meters) {
        this.producer = producer;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
        this.service = service;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void publish(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(deadLetters.size());
        try {
            for (DeadLetter deadLetter : deadLetters) {
                acks.add(this.producer.send(record(deadLetter)));
            }
            long deadline = System.nanoTime() + this.sendTimeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failure(deadLetters, ex);
        }
        catch (ExecutionException ex) {
            throw failure(deadLetters, ex.getCause() instanceof Exception cause ? cause : ex);
        }
        catch (TimeoutException | RuntimeException ex) {
            throw failure(deadLetters, ex);
        }
        for (DeadLetter deadLetter : deadLetters) {
            Counter.builder(DEAD_LETTERS_METER)
                .description("Records published to the indexer dead-letter topic")
                .tag("reason", deadLetter.reason().name())
                .register(this.meters)
                .increment();
            log.warn("Dead-lettered record: reason={} source={} articleId={} topic={} message={}", deadLetter.reason(),
                    deadLetter.record().coordinates(), deadLetter.articleId(), this.topic,
                    oneLine(deadLetter.message()));
        }
    }

    private ProducerRecord<byte[], byte[]> record(DeadLetter deadLetter) {
        IncomingRecord source = deadLetter.record();
        Headers headers = new RecordHeaders();
        source.headers().forEach(headers::add);
        add(headers, DeadLetterHeaders.REASON, deadLetter.reason().name());
        add(headers, DeadLetterHeaders.MESSAGE, oneLine(deadLetter.message()));
        add(headers, DeadLetterHeaders.SERVICE, this.service);
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, source.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
        add(headers, DeadLetterHeaders.FAILED_AT, this.clock.instant().toString());
        return new ProducerRecord<>(this.topic, null, source.key(), source.payload(), headers);
    }

    private DeadLetterPublishException failure(List<DeadLetter> deadLetters, Exception cause) {
        return new DeadLetterPublishException("could not publish " + deadLetters.size() + " dead letters to "
                + this.topic + " within " + this.sendTimeout + ": " + cause, cause);
    }

    /** Closes the producer, waiting at most the send timeout for dead letters still in flight. */
    @Override
    public void close() {
        this.producer.close(this.sendTimeout);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() <= MAX_MESSAGE_LENGTH ? line : line.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}
