package parkworld.pipeline.ops.deadletters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.ops.OperatorCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sends selected dead letters back to the topic they came from, once their cause is fixed. A dead letter stays on its
 * topic (Kafka deletes nothing on request), so replaying the same selection twice sends the records twice; the
 * consumers are idempotent (same article ids, same blob), which makes that harmless but wasteful.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-publishes the selected dead letters to their original topic (header "
                + DeadLetterHeaders.ORIGINAL_TOPIC + ") with the original key, value and headers byte for byte, "
                + "without the " + DeadLetterHeaders.PREFIX + "* headers and with " + DeadLetterHeaders.REPLAYED_FROM
                + "=<dlq-topic>-<partition>@<offset>. Idempotent producer, acks=all; waits for every acknowledgement.",
            "Select with --reason, --partition [--from-offset] [--to-offset] (criteria combine), or --all; there is no "
                + "default. Try the selection with --dry-run or 'list' first."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every selected dead letter replayed (or none selected, or --dry-run)",
            "1:failed: Kafka unreachable, topic missing, or a record not acknowledged (the others were sent)",
            "2:usage error, including no selection"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--all", description = "Replay every dead letter of the topic.")
    boolean all;

    @Option(names = "--dry-run", description = "Print what would be replayed; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine commandLine = this.spec.commandLine();
        this.selection.validate(commandLine);
        if (this.all && !this.selection.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "--all cannot be combined with other criteria");
        }
        if (!this.all && this.selection.isEmpty()) {
            // Replaying a whole topic by accident floods the pipeline with everything that ever failed.
            throw new CommandLine.ParameterException(commandLine,
                    "say what to replay: --reason, --partition [--from-offset] [--to-offset], or --all");
        }
        PrintWriter out = commandLine.getOut();
        String topic = this.kafka.topic();
        List<DeadLetter> selected = new ArrayList<>();
        long total = new DeadLetterTopic(this.kafka.clientProperties(), topic, this.kafka.timeout).readAll(deadLetter -> {
            if (this.all || this.selection.matches(deadLetter)) {
                selected.add(deadLetter);
            }
        });
        if (selected.isEmpty()) {
            out.println("Nothing to replay: none of the " + total + " dead letter(s) on " + topic + " is selected.");
            return OperatorCli.OK;
        }
        warnAboutBadInput(commandLine.getErr(), selected);
        return this.dryRun ? dryRun(out, topic, total, selected) : replay(out, topic, total, selected);
    }

    /**
     * Replaying a record whose input itself is bad ({@link DeadLetterReason#replayableAfterFix()} false, e.g.
     * NOT_PDF) fails the same way unless the input was replaced meanwhile: say so, without refusing, since only
     * the operator knows whether it was.
     */
    private static void warnAboutBadInput(PrintWriter err, List<DeadLetter> selected) {
        Map<String, Long> badInput = new TreeMap<>();
        for (DeadLetter deadLetter : selected) {
            String reason = deadLetter.reason();
            boolean known = java.util.Arrays.stream(DeadLetterReason.values()).anyMatch(r -> r.name().equals(reason));
            if (known && !DeadLetterReason.valueOf(reason).replayableAfterFix()) {
                badInput.merge(reason, 1L, Long::sum);
            }
        }
        if (!badInput.isEmpty()) {
            err.println("warning: " + badInput.values().stream().mapToLong(Long::longValue).sum()
                    + " selected dead letter(s) failed on their input itself (" + badInput.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                    + "): a replay fails the same way unless that input was replaced.");
        }
    }

    private int dryRun(PrintWriter out, String topic, long total, List<DeadLetter> selected) {
        Map<String, Long> perTopic = new TreeMap<>();
        for (DeadLetter deadLetter : selected) {
            String destination = deadLetter.originalTopic().orElse("? (no " + DeadLetterHeaders.ORIGINAL_TOPIC + ")");
            out.println("would replay " + describe(deadLetter) + " -> " + destination);
            perTopic.merge(destination, 1L, Long::sum);
        }
        out.println("Dry run: " + selected.size() + " of " + total + " dead letter(s) on " + topic
                + " would be replayed (" + perTopicText(perTopic) + "); nothing was sent.");
        return OperatorCli.OK;
    }

    private int replay(PrintWriter out, String topic, long total, List<DeadLetter> selected)
            throws InterruptedException {
        PrintWriter err = this.spec.commandLine().getErr();
        Map<String, Long> perTopic = new TreeMap<>();
        int failed = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (DeadLetter deadLetter : selected) {
                sends.add(send(producer, deadLetter));
            }
            producer.flush();
            for (int i = 0; i < selected.size(); i++) {
                DeadLetter deadLetter = selected.get(i);
                try {
                    RecordMetadata sent = sends.get(i).get();
                    out.println("replayed " + describe(deadLetter) + " -> " + sent.topic() + "-" + sent.partition() + "@"
                            + sent.offset());
                    perTopic.merge(sent.topic(), 1L, Long::sum);
                }
                catch (ExecutionException ex) {
                    failed++;
                    err.println("NOT replayed " + describe(deadLetter) + ": " + ex.getCause().getMessage());
                }
            }
        }
        int replayed = selected.size() - failed;
        out.println("Replayed " + replayed + " of " + selected.size() + " selected dead letter(s) (of " + total + " on "
                + topic + ")" + (perTopic.isEmpty() ? "" : ": " + perTopicText(perTopic)) + ".");
        if (failed > 0) {
            err.println(failed + " dead letter(s) could not be replayed; the lines above say which and why.");
            return OperatorCli.FAILED;
        }
        return OperatorCli.OK;
    }

    private static Future<RecordMetadata> send(KafkaProducer<byte[], byte[]> producer, DeadLetter deadLetter) {
        try {
            ProducerRecord<byte[], byte[]> record = ReplayRecord.of(deadLetter);
            return producer.send(record);
        }
        catch (RuntimeException ex) {
            // No destination, or the producer refused it up front: report it with the others, keep sending the rest.
            return CompletableFuture.failedFuture(ex);
        }
    }

    private Properties producerProperties() {
        Properties properties = this.kafka.clientProperties();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, this.kafka.timeout.toMillis());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms; both bounded by --timeout.
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "parkworld-ops-replay");
        return properties;
    }

    private static String describe(DeadLetter deadLetter) {
        return deadLetter.partition() + "@" + deadLetter.offset() + " " + deadLetter.reason() + " " + deadLetter.subject();
    }

    private static String perTopicText(Map<String, Long> perTopic) {
        return perTopic.entrySet().stream().map(e -> e.getValue() + " to " + e.getKey())
            .collect(Collectors.joining(", "));
    }
}
