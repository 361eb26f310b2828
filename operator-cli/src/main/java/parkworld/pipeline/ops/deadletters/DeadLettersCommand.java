package parkworld.pipeline.ops.deadletters;

import picocli.CommandLine.Command;

/** {@code parkworld-ops dead-letters}: what the parser and the indexer gave up on, and putting it back. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Lists and replays the records on a dead-letter topic (parkworld_dlq_* headers).",
            "Run 'dead-letters list --help' or 'dead-letters replay --help' for the options."},
        subcommands = {ListCommand.class, ReplayCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:failed (Kafka unreachable, replay's topic missing, a record not replayed)", "2:usage error"})
public final class DeadLettersCommand {
}
