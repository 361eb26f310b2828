package parkworld.pipeline.parser.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaListenerContainerCustomizer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.structure.IssueParser;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService parserThreads() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "pdf-parser");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    IssueProcessor issueProcessor(ParserProperties properties, StreamBridge streamBridge, ExecutorService parserThreads,
            Clock clock, MeterRegistry meters) {
        IssueParser parser = new IssueParser(properties.limits());
        return new IssueProcessor(parser::parse, properties.blobStoreDirectory(), new KafkaIssueEventSink(streamBridge),
                new KafkaDeadLetterSink(streamBridge, clock), parserThreads, properties.timeLimit(),
                properties.version(), clock, meters);
    }

    /**
     * Only a failure to publish reaches the container (bad input and parser bugs are dead-lettered by the
     * processor): retry the record with backoff for as long as it takes, never skip it. Spring Kafka's default
     * would give up after 9 attempts and commit, losing the issue whenever Kafka is unavailable for a while.
     */
    @Bean
    KafkaListenerContainerCustomizer retryPublishFailuresForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(60_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
            throw new IllegalStateException("not skipping issue record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), ex);
        }, backOff);
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners((record, ex, attempt) -> log.warn("Issue record {}-{}@{} not processed (attempt {}),"
                + " retrying: {}", record.topic(), record.partition(), record.offset(), attempt, ex.toString()));
        // The binder applies this after its own settings, so this error handler is the one the container uses.
        return (container, destination, group, properties) -> container.setCommonErrorHandler(handler);
    }

    /** Bound to {@code extractArticles-in-0}: one {@code IssueFetched} in, its articles and summary out. */
    @Bean
    Consumer<Message<byte[]>> extractArticles(IssueProcessor processor) {
        return message -> {
            try {
                processor.process(new IssueProcessor.IncomingRecord(message.getPayload(),
                        message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class),
                        headerInt(message, KafkaHeaders.RECEIVED_PARTITION),
                        headerLong(message, KafkaHeaders.OFFSET)));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing; the record will be redelivered", ex);
            }
        };
    }

    private static int headerInt(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value instanceof Number n ? n.intValue() : -1;
    }

    private static long headerLong(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value instanceof Number n ? n.longValue() : -1;
    }
}
