package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.ops.OperatorCli;

/** Options are checked before Kafka is contacted: these need no broker. */
class DeadLettersCommandTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "replay --topic t                                    | say what to replay",
        "replay --topic t --all --reason NOT_PDF             | --all cannot be combined",
        "replay --topic t --from-offset 3                    | --from-offset and --to-offset need --partition",
        "replay --topic t --partition 0 --from-offset 5 --to-offset 4 | --from-offset 5 is after --to-offset 4",
        "list --topic t --reason NOT_A_REASON                | Invalid value for option '--reason'",
        "list                                                | Missing required argument",
        "list --topic t --service parser                     | mutually exclusive",
        "list --service elsewhere                            | Invalid value for option '--service'",
        "list --topic t --timeout soon                       | 'soon' is not a duration",
        "list --topic t --partition x                        | Invalid value for option '--partition'",
        "list --topic t --bogus                              | Unknown option: '--bogus'",
        "\"\"                                                  | Missing required subcommand"})
    void badOptionsAreUsageErrorsWithStatusTwo(String arguments, String message) {
        Result result = run(("dead-letters " + arguments).strip().split("\\s+"));

        assertThat(result.status()).isEqualTo(OperatorCli.USAGE);
        assertThat(result.err()).contains(message).containsAnyOf("Usage:", "Possible solutions:");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        assertThat(OperatorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
            .isEqualTo(OperatorCli.USAGE);
    }

    @Test
    void helpDocumentsOptionsAndExitStatuses() {
        Result replay = run("dead-letters", "replay", "--help");
        Result list = run("dead-letters", "list", "--help");

        assertThat(replay.status()).isZero();
        assertThat(replay.out()).contains("--bootstrap-servers", "--topic", "--service", "--command-config", "--timeout",
                "--reason", "--partition", "--from-offset", "--to-offset", "--all", "--dry-run", "NOT_PDF",
                "INDEX_REJECTED", "Exit status:", "parkworld_replayed_from");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("--json", "commits nothing", "Exit status:");
    }

    @Test
    void unreachableKafkaFailsWithStatusOneInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = run("dead-letters", "list", "--bootstrap-servers", "127.0.0.1:" + closedPort, "--service",
                "parser", "--timeout", "2s");

        assertThat(result.status()).isEqualTo(OperatorCli.FAILED);
        assertThat(result.err().strip()).startsWith("list: Kafka at 127.0.0.1:" + closedPort + " did not answer within 2s")
            .doesNotContain("\tat ");
    }

    @Test
    void unreadableCommandConfigFailsWithStatusOne() {
        Result result = run("dead-letters", "list", "--service", "indexer", "--command-config", "/nonexistent/client.properties");

        assertThat(result.status()).isEqualTo(OperatorCli.FAILED);
        assertThat(result.err()).contains("cannot read --command-config /nonexistent/client.properties");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = OperatorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    record Result(int status, String out, String err) {
    }
}
