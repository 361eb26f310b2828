package parkworld.pipeline.ingest.state;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.ingest.run.InvalidEventException;

/**
 * The ledger on a compacted Kafka topic. Every session uses one fixed {@code transactional.id}, the same in every
 * replica: opening a session ({@code initTransactions}) aborts whatever transaction an earlier session of any replica
 * left open (a replica killed mid-run) and fences that session, so it can commit nothing more. Only then is the state
 * read, {@code read_committed}, up to its end: the new session sees everything any earlier one committed, and nothing
 * it did not. Each announcement (the state record and the {@code IssueFetched}) is one transaction.
 */
public final class KafkaIngestLedger implements IngestLedger {

    private static final Logger log = LoggerFactory.getLogger(KafkaIngestLedger.class);

    private final Map<String, Object> clientConfig;
    private final String stateTopic;
    private final String transactionalId;
    private final Duration readTimeout;
    private final int keepRuns;
    private final IssueFetchedRecords events;
    private final short replicationFactor;
    private volatile boolean topicChecked;

    /**
     * @param clientConfig    Kafka client settings every client gets: bootstrap servers, security
     * @param stateTopic      the compacted state topic
     * @param transactionalId shared by all replicas ({@code parkworld.ingest.state.transactional-id})
     * @param readTimeout     how long reading the state may take
     * @param keepRuns        how many runs the runs record keeps
     * @param events          builds the {@code IssueFetched} records
     * @param replicationFactor of the state topic when this ledger creates it; -1 = the broker's default
     */
    public KafkaIngestLedger(Map<String, Object> clientConfig, String stateTopic, String transactionalId,
            Duration readTimeout, int keepRuns, IssueFetchedRecords events, short replicationFactor) {
        this.replicationFactor = replicationFactor;
        this.clientConfig = Map.copyOf(clientConfig);
        this.stateTopic = stateTopic;
        this.transactionalId = transactionalId;
        this.readTimeout = readTimeout;
        this.keepRuns = keepRuns;
        this.events = events;
    }

    /**
     * Creates the state topic when it is missing: one partition (the state is small and read whole), compacted, so
     * only the latest record per key is kept.
     */
    public void createTopicIfMissing() throws LedgerException {
        if (this.topicChecked) {
            return;
        }
        Map<String, Object> config = new HashMap<>(this.clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.readTimeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            NewTopic topic = new NewTopic(this.stateTopic, Optional.of(1),
                    this.replicationFactor > 0 ? Optional.of(this.replicationFactor) : Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get();
            log.info("Created state topic {} (cleanup.policy=compact)", this.stateTopic);
            this.topicChecked = true;
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new LedgerException("cannot create state topic " + this.stateTopic + ": " + ex.getCause(), ex);
            }
            this.topicChecked = true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted creating state topic " + this.stateTopic, ex);
        }
    }

    @Override
    public Session open() throws LedgerException {
        createTopicIfMissing();
        Map<String, Object> config = new HashMap<>(this.clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, this.transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) this.readTimeout.toMillis());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            producer.initTransactions();
            return new KafkaSession(producer, read());
        }
        catch (KafkaException | LedgerException ex) {
            producer.close(Duration.ZERO);
            throw ex instanceof LedgerException le ? le
                    : new LedgerException("cannot take over the ingest state (transactional.id " + this.transactionalId
                            + "): " + ex, ex);
        }
    }

    @Override
    public IngestState read() throws LedgerException {
        createTopicIfMissing();
        Map<String, Object> config = new HashMap<>(this.clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.readTimeout.toMillis());
        IngestState state = new IngestState();
        Instant deadline = Instant.now().plus(this.readTimeout);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(this.stateTopic, this.readTimeout)
                .stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
            if (partitions.isEmpty()) {
                throw new LedgerException("state topic " + this.stateTopic + " does not exist", null);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer these are the last stable offsets: all that is committed.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new LedgerException("state topic " + this.stateTopic + " not read within "
                            + "parkworld.ingest.state.read-timeout (" + this.readTimeout + ")", null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(state, record);
                }
            }
            return state;
        }
        catch (KafkaException ex) {
            throw new LedgerException("cannot read state topic " + this.stateTopic + ": " + ex, ex);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void apply(IngestState state, ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            log.warn("State record at offset {} has no key: ignored", record.offset());
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            state.remove(key);
            return;
        }
        try {
            StateRecords.Value value = StateRecords.read(record.value());
            if (value.runs() != null) {
                state.putRuns(value.runs());
            }
            else {
                state.put(value.candidate());
            }
        }
        catch (IllegalArgumentException ex) {
            // Never fatal: one unreadable record costs at most one re-announcement of that candidate.
            log.warn("State record {} at offset {} ignored: {}", key, record.offset(), ex.getMessage());
        }
    }

    private final class KafkaSession implements Session {

        private final KafkaProducer<byte[], byte[]> producer;
        private final IngestState state;

        KafkaSession(KafkaProducer<byte[], byte[]> producer, IngestState state) {
            this.producer = producer;
            this.state = state;
        }

        @Override
        public IngestState state() {
            return this.state;
        }

        @Override
        public void announce(CandidateState candidate, IssueFetched event)
                throws LedgerException, InvalidEventException {
            ProducerRecord<byte[], byte[]> announcement = KafkaIngestLedger.this.events.toRecord(event);
            inTransaction(List.of(candidateRecord(candidate), announcement), "announce " + event.issueKey());
            this.state.put(candidate);
        }

        @Override
        public void record(CandidateState candidate) throws LedgerException {
            inTransaction(List.of(candidateRecord(candidate)), "record " + candidate.url());
            this.state.put(candidate);
        }

        @Override
        public void finish(RunSummary run) throws LedgerException {
            List<RunSummary> runs = this.state.withRun(run, KafkaIngestLedger.this.keepRuns);
            inTransaction(List.of(new ProducerRecord<>(KafkaIngestLedger.this.stateTopic,
                    StateRecords.key(StateRecords.RUNS_KEY), StateRecords.runs(runs))), "record the run");
            this.state.putRuns(runs);
        }

        private ProducerRecord<byte[], byte[]> candidateRecord(CandidateState candidate) {
            return new ProducerRecord<>(KafkaIngestLedger.this.stateTopic, StateRecords.key(candidate.url()),
                    StateRecords.candidate(candidate));
        }

        private void inTransaction(List<ProducerRecord<byte[], byte[]>> records, String what) throws LedgerException {
            try {
                this.producer.beginTransaction();
                for (ProducerRecord<byte[], byte[]> record : records) {
                    this.producer.send(record);
                }
                this.producer.commitTransaction();
            }
            catch (KafkaException ex) {
                if (fenced(ex)) {
                    throw new FencedException("another replica took over the ingest state (transactional.id "
                            + KafkaIngestLedger.this.transactionalId + "): could not " + what, ex);
                }
                try {
                    this.producer.abortTransaction();
                }
                catch (KafkaException abortFailed) {
                    // The producer is in a fatal state: every later transaction of this session would fail the same
                    // way, so the run stops here instead of failing each remaining candidate with it.
                    ex.addSuppressed(abortFailed);
                    throw new FencedException("the ingest state's producer (transactional.id "
                            + KafkaIngestLedger.this.transactionalId + ") can no longer be used: could not " + what,
                            ex);
                }
                throw new LedgerException("could not " + what + ": " + ex, ex);
            }
        }

        private static boolean fenced(Throwable ex) {
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                // Kafka 4's transactions (KIP-890) may answer a commit that another replica's initTransactions aborted
                // with INVALID_TXN_STATE rather than a fencing error (seen in TwoReplicasIT): same meaning here.
                if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException
                        || cause instanceof InvalidTxnStateException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            this.producer.close(Duration.ofSeconds(5));
        }
    }
}
