package parkworld.pipeline.ops.deadletters;

import java.util.List;
import parkworld.pipeline.contract.DeadLetterReason;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which dead letters a command acts on; criteria given together must all match. */
final class SelectionOptions {

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Only dead letters with this reason; repeatable. One of: ${COMPLETION-CANDIDATES}.")
    List<DeadLetterReason> reasons = List.of();

    @Option(names = "--partition", paramLabel = "N", description = "Only dead letters in this partition of the topic.")
    Integer partition;

    @Option(names = "--from-offset", paramLabel = "OFFSET",
            description = "With --partition: only from this dead-letter offset on (inclusive).")
    Long fromOffset;

    @Option(names = "--to-offset", paramLabel = "OFFSET",
            description = "With --partition: only up to this dead-letter offset (inclusive).")
    Long toOffset;

    /** @return true when no criterion was given */
    boolean isEmpty() {
        return this.reasons.isEmpty() && this.partition == null && this.fromOffset == null && this.toOffset == null;
    }

    /** Rejects criteria that cannot be meant: offsets without a partition, a range that ends before it starts. */
    void validate(CommandLine commandLine) {
        if (this.partition == null && (this.fromOffset != null || this.toOffset != null)) {
            // Offsets are per partition: a range without one would pick unrelated records in every partition.
            throw new CommandLine.ParameterException(commandLine, "--from-offset and --to-offset need --partition");
        }
        if (this.partition != null && this.partition < 0) {
            throw new CommandLine.ParameterException(commandLine, "--partition must be 0 or more");
        }
        if (this.fromOffset != null && this.toOffset != null && this.fromOffset > this.toOffset) {
            throw new CommandLine.ParameterException(commandLine,
                    "--from-offset " + this.fromOffset + " is after --to-offset " + this.toOffset);
        }
    }

    boolean matches(DeadLetter deadLetter) {
        if (!this.reasons.isEmpty() && this.reasons.stream().map(Enum::name).noneMatch(deadLetter.reason()::equals)) {
            return false;
        }
        if (this.partition != null && deadLetter.partition() != this.partition) {
            return false;
        }
        if (this.fromOffset != null && deadLetter.offset() < this.fromOffset) {
            return false;
        }
        return this.toOffset == null || deadLetter.offset() <= this.toOffset;
    }
}
