package parkworld.pipeline.indexer.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaListenerContainerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.ElasticsearchProperties;
import parkworld.pipeline.indexer.FreshnessProperties;
import parkworld.pipeline.indexer.bulk.ArticleBulkWriter;
import parkworld.pipeline.indexer.mapping.IndexReadiness;
import parkworld.pipeline.indexer.reparse.IssueReplacement;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher;
import parkworld.pipeline.messaging.RetryPolicyProperties;

/**
 * The Kafka side: the {@code indexArticles} batch consumer bound to the articles topic, the {@code replaceIssues}
 * batch consumer bound to the issues-parsed topic, the error handler that retries a failed batch of either until it
 * succeeds ({@code parkworld.retry.*}), and the dead letters, published through the
 * {@value #DEAD_LETTER_BINDING} output binding (the binder provisions its topic and builds its producer from the
 * binder's settings, security included).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryPolicyProperties.class)
class MessagingConfiguration {

    /** The articles input binding of the {@code indexArticles} function. */
    static final String INPUT_BINDING = "indexArticles-in-0";

    /** The issues-parsed input binding of the {@code replaceIssues} function. */
    static final String ISSUES_BINDING = "replaceIssues-in-0";

    /** Output binding of the dead-letter topic; {@code application.yml} makes it synchronous with native encoding. */
    static final String DEAD_LETTER_BINDING = "indexerDeadLetter-out-0";

    /** Bean name of the batch converter the input binding uses ({@code converter-bean-name}). */
    static final String RAW_RECORD_CONVERTER = "rawRecordBatchConverter";

    /** Each batch in a span linked to the trace of every record in it (batch listeners get no span of their own). */
    @Bean
    LinkedBatchSpan linkedBatchSpan(ObjectProvider<Tracer> tracer) {
        return new LinkedBatchSpan(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /**
     * No observation of sends: StreamBridge observes what it sends and injects the current trace into the message
     * ({@code traceparent}), and the indexer sends nothing but dead letters, which keep the original record's headers
     * byte for byte, its {@code traceparent} included.
     */
    @Bean
    ObservationPredicate noSendObservations() {
        return (name, context) -> !(context instanceof SenderContext<?>);
    }

    @Bean
    Consumer<Message<List<byte[]>>> indexArticles(ArticleBatchIndexer indexer, LinkedBatchSpan span) {
        return batch -> {
            List<ConsumedRecord> records = KafkaBatch.records(batch);
            span.around("index articles", records, () -> indexer.index(records));
        };
    }

    @Bean
    Consumer<Message<List<byte[]>>> replaceIssues(IssueBatchHandler handler, LinkedBatchSpan span) {
        return batch -> {
            List<ConsumedRecord> records = KafkaBatch.records(batch);
            span.around("replace issues", records, () -> handler.handle(records));
        };
    }

    @Bean(RAW_RECORD_CONVERTER)
    BatchMessagingMessageConverter rawRecordBatchConverter() {
        return KafkaBatch.rawRecordConverter();
    }

    @Bean
    ParsedAtLimit parsedAtLimit(FreshnessProperties freshness) {
        return new ParsedAtLimit(Clock.systemUTC(), freshness.maxClockSkew());
    }

    /** The {@code skippedRecords} health component. */
    @Bean
    SkippedRecords skippedRecords() {
        return new SkippedRecords();
    }

    @Bean
    ArticleBatchIndexer articleBatchIndexer(ParsedAtLimit parsedAtLimit, IndexReadiness index,
            ArticleBulkWriter writer, DeadLetterPublisher indexerDeadLetterPublisher, MeterRegistry meters,
            SkippedRecords skippedRecords) {
        return new ArticleBatchIndexer(EventDecoder.articles(), parsedAtLimit, index, writer,
                indexerDeadLetterPublisher, meters, skippedRecords);
    }

    @Bean
    IssueBatchHandler issueBatchHandler(ParsedAtLimit parsedAtLimit, IndexReadiness index,
            IssueReplacement replacement, DeadLetterPublisher indexerDeadLetterPublisher, MeterRegistry meters,
            SkippedRecords skippedRecords) {
        return new IssueBatchHandler(EventDecoder.issuesParsed(), parsedAtLimit, index, replacement,
                indexerDeadLetterPublisher, meters, skippedRecords);
    }

    @Bean
    DeadLetterPublisher indexerDeadLetterPublisher(StreamBridge streamBridge,
            @Value("${spring.application.name}") String service, MeterRegistry meters) {
        return new DeadLetterPublisher(streamBridge, DEAD_LETTER_BINDING, service, Clock.systemUTC(), meters);
    }

    /** Refuses to start with settings under which an Elasticsearch outage would cost the partitions (a rebalance). */
    @Bean
    InitializingBean pollIntervalBudgetCheck(Environment environment, BulkProperties bulk,
            ElasticsearchProperties elasticsearch, RetryPolicyProperties retry) {
        return () -> {
            String consumer = "spring.cloud.stream.kafka.bindings." + INPUT_BINDING + ".consumer.configuration.";
            int maxPollRecords = environment.getProperty(consumer + "max.poll.records", Integer.class, 500);
            long maxPollInterval = environment.getProperty(consumer + "max.poll.interval.ms", Long.class, 300_000L);
            PollIntervalBudget.check(maxPollRecords, java.time.Duration.ofMillis(maxPollInterval), bulk,
                    elasticsearch.socketTimeout(), retry.maxInterval());
        };
    }

    @Bean
    KafkaListenerContainerCustomizer indexerContainerCustomizer(RetryPolicyProperties retry, MeterRegistry meters) {
        DefaultErrorHandler errorHandler = RetryForever.errorHandler(retry, meters);
        // The binder applies this after its own settings, so this error handler is the one the container uses.
        return (container, destination, group, properties) -> container.setCommonErrorHandler(errorHandler);
    }
}
