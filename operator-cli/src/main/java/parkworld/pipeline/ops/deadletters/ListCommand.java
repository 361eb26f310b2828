package parkworld.pipeline.ops.deadletters;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the dead letters of a topic, then how many there were per reason. Reads only: safe on production. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints every dead letter of the topic, one per line: its partition@offset on the dead-letter "
                + "topic (what replay --partition/--from-offset select), when and why it failed, which service gave up, "
                + "the original record's topic-partition@offset, the issue key or article id, and the message; then the "
                + "count per reason.",
            "Reads every partition from the beginning up to the end offsets at start, without a consumer group: it "
                + "commits nothing and disturbs no other reader."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed (also when there were none, or the topic does not exist yet)",
            "1:failed (Kafka unreachable)",
            "2:usage error"})
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--json",
            description = "One JSON object per line on stdout instead of text; the count per reason goes to stderr.")
    boolean json;

    @Override
    public Integer call() {
        this.selection.validate(this.spec.commandLine());
        PrintWriter out = this.spec.commandLine().getOut();
        PrintWriter summaryOut = this.json ? this.spec.commandLine().getErr() : out;
        String topic = this.kafka.topic();
        Map<String, Long> counts = new TreeMap<>();
        AtomicBoolean headerPrinted = new AtomicBoolean();
        Consumer<DeadLetter> print = deadLetter -> {
            if (!this.selection.matches(deadLetter)) {
                return;
            }
            counts.merge(deadLetter.reason(), 1L, Long::sum);
            if (this.json) {
                out.println(DeadLetterFormat.json(deadLetter));
            }
            else {
                if (!headerPrinted.getAndSet(true)) {
                    out.println(DeadLetterFormat.TEXT_HEADER);
                }
                out.println(DeadLetterFormat.text(deadLetter));
            }
        };
        long total;
        try {
            total = new DeadLetterTopic(this.kafka.clientProperties(), topic, this.kafka.timeout).readAll(print);
        }
        catch (DeadLetterTopic.Missing ex) {
            // A service creates its dead-letter topic with its first dead letter: none yet is zero records, not a
            // failure. The line names topic and broker, so a mistyped --topic still shows.
            summaryOut.println("0 dead letter(s) on " + topic + ": the topic has no records yet (" + ex.getMessage()
                    + " yet; its service creates it with its first dead letter)");
            return 0;
        }
        long listed = counts.values().stream().mapToLong(Long::longValue).sum();
        String summary = (this.selection.isEmpty() ? listed + " dead letter(s) on " + topic
                : listed + " of " + total + " dead letter(s) on " + topic + " selected")
                + (listed == 0 ? "" : ": " + DeadLetterFormat.countsPerReason(counts));
        summaryOut.println(summary);
        return 0;
    }
}
