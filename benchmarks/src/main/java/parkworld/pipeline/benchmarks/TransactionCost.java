package parkworld.pipeline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.localstack.KafkaBroker;
import parkworld.pipeline.parser.pipeline.IssueOutcome;
import parkworld.pipeline.parser.pipeline.IssueOutput;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;
import parkworld.pipeline.parser.pipeline.OutputRules;
import parkworld.pipeline.parser.structure.IssueParser;

/**
 * What the parser's exactly-once publishing costs per issue: the fixture issue's records (43 articles and the
 * summary, exactly as the parser builds them) published N times to a real broker with plain kafka-clients,
 * transactionally (begin, sends, the consumed offset, commit: what the parser does per IssueFetched) against
 * non-transactionally (idempotent, {@code acks=all}), each both with a wait for every acknowledgement (the
 * parser's synchronous bindings until 2026-12-03) and pipelined (what the parser does since: every record handed to
 * the producer, a flush, every send's outcome checked, then the offset and the commit). Not JMH: one broker round
 * trip per record is what is measured, and a plain loop with warm-up and interleaved rounds is what a reader can
 * follow.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar parkworld.pipeline.benchmarks.TransactionCost [issues] [bootstrap]</pre>
 *
 * Without {@code bootstrap} it starts local-stack's KafkaBroker (a single KRaft node on loopback) and stops it at
 * the end.
 */
public final class TransactionCost {

    private static final int ROUNDS = 5;

    private TransactionCost() {
    }

    public static void main(String[] args) throws Exception {
        int issues = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<OutgoingRecord> records = fixtureRecords();
        KafkaBroker broker = args.length > 1 ? null : KafkaBroker.start();
        String bootstrap = args.length > 1 ? args[1] : broker.bootstrapServers();
        try {
            String articles = "bench.articles-" + UUID.randomUUID().toString().substring(0, 8);
            String parsed = "bench.parsed-" + UUID.randomUUID().toString().substring(0, 8);
            String fetched = "bench.fetched-" + UUID.randomUUID().toString().substring(0, 8);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(articles, 1, (short) 1), new NewTopic(parsed, 1, (short) 1),
                        new NewTopic(fetched, 1, (short) 1))).all().get();
            }
            Mode[] modes = Mode.values();
            long[] nanos = new long[modes.length];
            // A real group member, as the parser's container is: its offsets commit with each transaction.
            try (KafkaConsumer<byte[], byte[]> member = groupMember(bootstrap, fetched);
                    Publisher tx = new Publisher(bootstrap, true, articles, parsed, fetched, member.groupMetadata());
                    Publisher plain = new Publisher(bootstrap, false, articles, parsed, fetched, null)) {
                for (Mode mode : modes) {
                    // warm-up: connections, metadata, the JIT
                    (mode.transactional ? tx : plain).publish(records, issues / 10 + 1, mode.awaitEach);
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int m = 0; m < modes.length; m++) {
                        Mode mode = modes[m];
                        long began = System.nanoTime();
                        (mode.transactional ? tx : plain).publish(records, issues / ROUNDS, mode.awaitEach);
                        nanos[m] += System.nanoTime() - began;
                    }
                }
            }
            int measured = issues / ROUNDS * ROUNDS;
            System.out.printf(Locale.ROOT, "%d records per issue (%d bytes), %d issues per mode, broker %s%n",
                    records.size(), records.stream().mapToLong(OutgoingRecord::serializedSize).sum(), measured,
                    bootstrap);
            double[] msPerIssue = new double[modes.length];
            for (int m = 0; m < modes.length; m++) {
                msPerIssue[m] = nanos[m] / 1e6 / measured;
                System.out.printf(Locale.ROOT, "  %-44s %7.2f ms/issue%n", modes[m].label, msPerIssue[m]);
            }
            System.out.printf(Locale.ROOT, "  ratio transactional / idempotent: %.2f awaiting each send,"
                    + " %.2f pipelined (as the parser)%n", msPerIssue[0] / msPerIssue[1],
                    msPerIssue[2] / msPerIssue[3]);
        }
        finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private enum Mode {
        TX_AWAIT(true, true, "transactional, await each send (until 12-03)"),
        PLAIN_AWAIT(false, true, "idempotent acks=all, await each send"),
        TX_PIPELINED(true, false, "transactional, pipelined (the parser)"),
        PLAIN_PIPELINED(false, false, "idempotent acks=all, pipelined");

        final boolean transactional;
        final boolean awaitEach;
        final String label;

        Mode(boolean transactional, boolean awaitEach, String label) {
            this.transactional = transactional;
            this.awaitEach = awaitEach;
            this.label = label;
        }
    }

    private static KafkaConsumer<byte[], byte[]> groupMember(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-parser-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        return consumer;
    }

    /** The parser's records for the fixture, built by the parser's own pipeline. */
    private static List<OutgoingRecord> fixtureRecords() throws Exception {
        Path pdf = IssueFile.resolve(IssueFile.FIXTURE);
        ParseWorkers worker = ParseWorkers.single();
        try {
            IssueFetched fetched = new IssueFetched(1, "issue-121", pdf.toUri().toString(), pdf.toUri().toString(),
                    "0".repeat(64), Files.size(pdf), Instant.now());
            IssueParser parser = new IssueParser();
            IssueOutcome outcome = new IssuePipeline(parser::parse, worker, Duration.ofMinutes(1), OutputRules.DEFAULTS,
                    "bench").run(fetched, pdf, Instant.now());
            IssueOutput output = ((IssueOutcome.Publishable) outcome).output();
            List<OutgoingRecord> records = new ArrayList<>(output.articles());
            records.add(output.summary());
            return records;
        }
        finally {
            worker.close();
            Files.deleteIfExists(pdf);
        }
    }

    /** One producer, as the parser has one per consumer thread. */
    private static final class Publisher implements AutoCloseable {

        private final KafkaProducer<byte[], byte[]> producer;
        private final boolean transactional;
        private final String articles;
        private final String parsed;
        private final ConsumerGroupMetadata group;
        private final TopicPartition consumed;
        private long offset;

        Publisher(String bootstrap, boolean transactional, String articles, String parsed, String fetched,
                ConsumerGroupMetadata group) {
            this.group = group;
            this.consumed = new TopicPartition(fetched, 0);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            if (transactional) {
                props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-parser-" + UUID.randomUUID());
            }
            this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            this.transactional = transactional;
            this.articles = articles;
            this.parsed = parsed;
            if (transactional) {
                this.producer.initTransactions();
            }
        }

        void publish(List<OutgoingRecord> records, int issues, boolean awaitEach) throws Exception {
            for (int i = 0; i < issues; i++) {
                if (this.transactional) {
                    this.producer.beginTransaction();
                }
                List<Future<RecordMetadata>> pending = new ArrayList<>(records.size());
                for (OutgoingRecord record : records) {
                    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(
                            record.type() == EventType.ISSUE_PARSED ? this.parsed : this.articles, record.keyBytes(),
                            record.value());
                    record.headers().forEach((k, v) -> out.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                    Future<RecordMetadata> sent = this.producer.send(out);
                    if (awaitEach) {
                        sent.get();
                    }
                    else {
                        pending.add(sent);
                    }
                }
                if (!awaitEach) {
                    // as the parser's sink does: every send checked before the offset goes to the transaction
                    this.producer.flush();
                    for (Future<RecordMetadata> sent : pending) {
                        sent.get();
                    }
                }
                if (this.transactional) {
                    // as the container does: the consumed IssueFetched offset commits with the records
                    this.producer.sendOffsetsToTransaction(Map.of(this.consumed, new OffsetAndMetadata(++this.offset)),
                            this.group);
                    this.producer.commitTransaction();
                }
            }
        }

        @Override
        public void close() {
            this.producer.close(Duration.ofSeconds(10));
        }
    }
}
