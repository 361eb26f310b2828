package parkworld.pipeline.parser.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.KafkaListenerContainerCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.backoff.FixedBackOff;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.messaging.ConsumedRecord;
import parkworld.pipeline.messaging.DeadLetterPublisher;
import parkworld.pipeline.messaging.RetryPolicyProperties;
import parkworld.pipeline.messaging.TransientFailures;
import parkworld.pipeline.parser.BlobStoreProperties;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.QualityProperties;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.structure.IssueParser;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryPolicyProperties.class)
class MessagingConfiguration {

    static final String DEAD_LETTER_BINDING = "parserDeadLetter-out-0";

    /** The producer's own limit when {@code max.request.size} is not configured. */
    private static final long KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The parse threads, a fixed number: an abandoned parse that does not stop holds one, never more. */
    @Bean(destroyMethod = "close")
    ParseWorkers parseWorkers(ParserProperties properties, Clock clock, MeterRegistry meters) {
        ParseWorkers workers = new ParseWorkers(properties.parseThreads(), clock);
        Gauge.builder(PipelineMeters.PARSER_PARSE_THREADS_BUSY, workers, ParseWorkers::busy)
            .description("Parse threads in use, by parses running now or abandoned after the time limit")
            .register(meters);
        Gauge.builder(PipelineMeters.PARSER_PARSES_ABANDONED, workers, w -> w.abandonedStillRunning().size())
            .description("Parses abandoned after the time limit that have not stopped yet; readiness is down meanwhile")
            .register(meters);
        return workers;
    }

    /** Readiness: out of service while an abandoned parse still runs (included in the readiness group). */
    @Bean
    HealthIndicator parseWorkersHealthIndicator(ParseWorkers parseWorkers) {
        return new ParseWorkersHealth(parseWorkers);
    }

    /** Liveness: broken once the listener container stopped for any reason but shutdown. */
    @Bean
    ListenerLiveness listenerLiveness(ApplicationEventPublisher events) {
        return new ListenerLiveness(events);
    }

    @Bean
    IssuePipeline issuePipeline(ParserProperties properties, QualityProperties quality, ParseWorkers parseWorkers,
            Environment environment) {
        long maxRequestSize = maxRequestSize(environment);
        if (properties.output().maxRecordSize().toBytes() > maxRequestSize) {
            throw new IllegalStateException("parkworld.parser.output.max-record-size ("
                    + properties.output().maxRecordSize().toBytes() + " bytes) exceeds the producer's max.request.size ("
                    + maxRequestSize + " bytes): such a record would fail to send instead of being dead-lettered");
        }
        IssueParser parser = new IssueParser(properties.limits(), quality.rules());
        return new IssuePipeline(parser::parse, parseWorkers, properties.timeLimit(), properties.output().rules(),
                properties.version());
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(StreamBridge streamBridge, @Value("${spring.application.name}") String service,
            Clock clock, MeterRegistry meters) {
        return new DeadLetterPublisher(streamBridge, DEAD_LETTER_BINDING, service, clock, meters);
    }

    /**
     * An issue's records go to the binder's transactional producer through a KafkaTemplate of their own, not
     * StreamBridge: the template joins the container's transaction (same producer factory) and returns each send's
     * future, which the sink checks before the offset is committed; StreamBridge returns no future, and its per-record
     * function lookup, payload conversion and Spring Integration observation were most of the consumer thread's own
     * CPU (benchmarks/README.md, "Where the service's time went"). The template's observation, on when the binder's is
     * ({@code enable-observation}), is what the binder's own producers use: a span per record, its W3C
     * {@code traceparent} in the record.
     */
    @Bean
    IssueProcessor.IssueEventSink issueEventSink(BinderFactory binders,
            ObjectProvider<ObservationRegistry> observations, Environment environment) {
        return new KafkaIssueEventSink(issueRecordsTemplate(binders, observations, environment),
                environment.getRequiredProperty("parkworld.topics.articles"),
                environment.getRequiredProperty("parkworld.topics.issues-parsed"));
    }

    /**
     * What an issue's records are sent with: a KafkaTemplate of their own on the binder's transactional producer
     * factory, not StreamBridge. It joins the container's transaction (same producer factory, so the producer the
     * transaction manager bound to the consumer thread) and returns each send's future, which the sink checks before
     * the offset is committed; StreamBridge returns no future, and its per-record function lookup, payload conversion
     * and Spring Integration observation were most of the consumer thread's own CPU (benchmarks/README.md, "Where the
     * service's time went"). Observed when the binder's producers are ({@code enable-observation}), as theirs are: a
     * span per record, its W3C {@code traceparent} in the record's headers.
     */
    static KafkaTemplate<byte[], byte[]> issueRecordsTemplate(BinderFactory binders,
            ObjectProvider<ObservationRegistry> observations, Environment environment) {
        var binder = (KafkaMessageChannelBinder) binders.getBinder(null, MessageChannel.class);
        ProducerFactory<byte[], byte[]> transactional = binder.getTransactionalProducerFactory();
        if (transactional == null) {
            throw new IllegalStateException("the parser publishes each issue exactly once in a Kafka transaction: "
                    + "set spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix");
        }
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(transactional);
        template.setObservationEnabled(environment.getProperty("spring.cloud.stream.kafka.binder.enable-observation",
                Boolean.class, false));
        template.setObservationRegistry(observations.getIfUnique(() -> ObservationRegistry.NOOP));
        return template;
    }

    /** Opened at start-up: a missing directory, bucket or refused credentials stop the service with the reason. */
    @Bean
    BlobStore blobStore(BlobStoreProperties properties) throws IOException {
        return properties.settings().open();
    }

    @Bean
    IssueProcessor issueProcessor(IssuePipeline pipeline, BlobStore blobStore,
            IssueProcessor.IssueEventSink issueEventSink, DeadLetterPublisher deadLetters, Clock clock,
            MeterRegistry meters) {
        return new IssueProcessor(pipeline, blobStore, issueEventSink, deadLetters::publish,
                MessagingConfiguration::afterCommit, clock, meters);
    }

    /**
     * With the binder's transactions, the container's after-rollback processor, not an error handler, decides what
     * happens to a record whose processing threw (only publishing can throw; bad input is dead-lettered by the
     * processor). A failure that depends on the record (too large, not serialisable) is dead-lettered at once with
     * its reason, in a new transaction that also commits the record's offset. Anything else (the broker
     * unavailable, a timeout) is retried from the same offset with {@code parkworld.retry.*} backoff, forever: the
     * aborted attempt stays invisible to {@code read_committed} consumers, so a retry never duplicates an article.
     */
    @Bean
    KafkaListenerContainerCustomizer transactionalRetries(RetryPolicyProperties retry, DeadLetterPublisher deadLetters) {
        return (container, destination, group, properties) -> {
            KafkaAwareTransactionManager<?, ?> transactions = container.getContainerProperties()
                .getKafkaAwareTransactionManager();
            if (transactions == null) {
                throw new IllegalStateException("the parser publishes each issue exactly once in a Kafka transaction: "
                        + "set spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix");
            }
            synchronizeOnCommit(transactions);
            DefaultAfterRollbackProcessor<Object, Object> afterRollback = new DefaultAfterRollbackProcessor<>(
                    (record, failure) -> deadLetter(deadLetters, record, failure), retry.backOff(),
                    new KafkaTemplate<>(transactions.getProducerFactory()), true);
            afterRollback.setBackOffFunction((record, failure) -> TransientFailures.permanentReason(failure).isPresent()
                    ? new FixedBackOff(0, 0) : null);
            afterRollback.setRetryListeners((record, failure, attempt) -> log.warn(
                    "Issue record {}-{}@{} not published (attempt {}), transaction aborted: {}", record.topic(),
                    record.partition(), record.offset(), attempt, rootCause(failure)));
            container.setAfterRollbackProcessor(afterRollback);
            @SuppressWarnings("unchecked")
            var records = (AbstractMessageListenerContainer<Object, Object>) container;
            records.setRecordInterceptor(new CurrentRecord());
        };
    }

    /** Bound to {@code extractArticles-in-0}: one {@code IssueFetched} in, its articles and summary out. */
    @Bean
    Consumer<Message<byte[]>> extractArticles(IssueProcessor processor, ListenerLiveness liveness) {
        return message -> {
            try {
                processor.process(CurrentRecord.of(message));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing; the record will be redelivered", ex);
            }
            catch (ParseWorkers.AllThreadsBusy ex) {
                // transient: the after-rollback processor retries the record with backoff; readiness is down
                log.warn("Issue not parsed yet: {}", ex.getMessage());
                throw ex;
            }
            catch (VirtualMachineError ex) {
                // The JVM itself is in trouble (out of memory, stack overflow on the consumer thread): the error
                // stops the container, and the instance must not look alive meanwhile. Run with
                // -XX:+ExitOnOutOfMemoryError and an out-of-memory error never gets here: the JVM exits at once.
                liveness.broken(ex.getClass().getName() + " on the consumer thread");
                throw ex;
            }
            catch (Error ex) {
                // Any other Error (an assertion, a class that failed to load) would stop the container for good,
                // while it depends on this record: it is a parser bug on this input, dead-lettered as such.
                throw new TransientFailures.PermanentFailure(DeadLetterReason.PARSER_ERROR,
                        "parser failed: " + ex.getClass().getName(), ex);
            }
        };
    }

    private static void deadLetter(DeadLetterPublisher deadLetters, ConsumerRecord<?, ?> record, Exception failure) {
        // Only permanent failures get here: the backoff of transient ones never ends.
        DeadLetterReason reason = TransientFailures.permanentReason(failure).orElse(DeadLetterReason.PARSER_ERROR);
        ConsumedRecord consumed = ConsumedRecord.of(record);
        String issueKey = consumed.key() == null ? null : new String(consumed.key(), java.nio.charset.StandardCharsets.UTF_8);
        String message = parserFailure(failure);
        deadLetters.publish(consumed, reason, message != null ? message
                : "publishing the issue failed: " + rootCause(failure), issueKey);
    }

    /** The message of a parser failure the function turned into a permanent one, else null. */
    private static String parserFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TransientFailures.PermanentFailure permanent
                    && permanent.reason() == DeadLetterReason.PARSER_ERROR) {
                return permanent.getMessage();
            }
        }
        return null;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return DeadLetterHeaders.oneLine(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /**
     * Lets {@link #afterCommit} wait for the commit. Spring Kafka's transaction manager synchronizes nothing by
     * default (it expects to sit beside a database's, which would); here it is the only one. Without this, the actions
     * meant for after the commit (an issue's meters and its "published" line) ran before it, and once more on the
     * retry when the commit failed (a rebalance while the issue was parsed): the issue was counted twice.
     */
    static void synchronizeOnCommit(KafkaAwareTransactionManager<?, ?> transactions) {
        if (!(transactions instanceof AbstractPlatformTransactionManager platform)) {
            throw new IllegalStateException("the container's transaction manager " + transactions.getClass().getName()
                    + " cannot run actions after its commit");
        }
        platform.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
    }

    /** Runs the action after the container's transaction committed, or at once outside a transaction. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
        else {
            action.run();
        }
    }

    /** What the transactional producer may send: its configured max.request.size, else Kafka's default. */
    private static long maxRequestSize(Environment environment) {
        String configured = environment.getProperty("spring.cloud.stream.kafka.binder.transaction.producer.configuration."
                + ProducerConfig.MAX_REQUEST_SIZE_CONFIG, environment.getProperty(
                        "spring.cloud.stream.kafka.binder.configuration." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        return configured == null ? KAFKA_DEFAULT_MAX_REQUEST_SIZE : Long.parseLong(configured.strip());
    }
}
