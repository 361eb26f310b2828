package parkworld.pipeline.parser.cli;

/** How {@code parse} ended, as the process exit status scripts can branch on. */
public enum ExitCode {

    /** The issue was parsed; its events are on stdout, its summary on stderr. */
    OK(0),

    /** A bug or an environment failure nobody anticipated; stderr has the stack trace. */
    UNEXPECTED(1),

    /** The command line is wrong: unknown option, bad value, no file or more than one. */
    USAGE(2),

    /** The file does not exist, is not a regular file or cannot be read. */
    UNREADABLE(3),

    /** The file was read but is not a usable issue (with the {@code DeadLetterReason} the service would dead-letter it with). */
    REJECTED(4),

    /** Parsing took longer than the time limit. */
    TIMEOUT(5),

    /**
     * The issue was parsed and its events printed as for {@link #OK}, but the parse is degraded: a quality figure is
     * beyond its {@code parkworld.parser.quality.*} bound; the summary's {@code quality.degradedReasons} say which.
     */
    DEGRADED(6);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return this.status;
    }
}
