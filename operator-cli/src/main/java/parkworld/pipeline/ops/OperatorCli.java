package parkworld.pipeline.ops;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import parkworld.pipeline.ops.deadletters.DeadLettersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parkworld-ops}: the commands operators run against a pipeline's Kafka. Exit statuses are the same for every
 * subcommand: {@value #OK} done, {@value #FAILED} failed (Kafka unreachable, replay's topic missing, a send not acknowledged),
 * {@value #USAGE} bad options.
 */
@Command(name = "parkworld-ops", mixinStandardHelpOptions = true, versionProvider = OperatorCli.Version.class,
        description = "Operator commands for the parkworld pipeline.",
        subcommands = {DeadLettersCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:failed (Kafka unreachable, replay's topic missing, a record not replayed)", "2:usage error"})
public final class OperatorCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private OperatorCli() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: messages and issue titles are Chinese, and the output is read by jq and grep.
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /**
     * Runs one command line.
     *
     * @return the exit status
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new OperatorCli())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler((ex, failed, parsed) -> {
                // An operator needs the cause in one line, not a stack trace.
                failed.getErr().println(failed.getCommandName() + ": " + describe(ex));
                return FAILED;
            });
        try {
            return commandLine.execute(args);
        }
        finally {
            out.flush();
            err.flush();
        }
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        Throwable cause = ex.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? ex.getClass().getSimpleName() : message;
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = OperatorCli.class.getPackage().getImplementationVersion();
            return new String[] {"parkworld-ops " + (version == null ? "(development build)" : version)};
        }
    }
}
