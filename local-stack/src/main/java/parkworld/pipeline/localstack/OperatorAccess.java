package parkworld.pipeline.localstack;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The credentials of ingest's operator endpoints ({@code /operator/**}, {@code /actuator/ingest}) in a local run, and
 * how to use them. The password has no default in ingest (unset, every request gets 401), so unless
 * {@code PARKWORLD_INGEST_OPERATOR_PASSWORD} is set the run makes a random one, new each run, and hands it to ingest
 * in its environment (never on a command line, where {@code ps} would show it). A generated password is printed
 * once, in {@link #instructions}' first line, and nowhere else.
 */
final class OperatorAccess {

    static final String PASSWORD_VARIABLE = "PARKWORLD_INGEST_OPERATOR_PASSWORD";
    static final String USERNAME_VARIABLE = "PARKWORLD_INGEST_OPERATOR_USERNAME";
    /** Ingest's default {@code parkworld.ingest.operator.username}. */
    static final String DEFAULT_USERNAME = "operator";

    private final String username;
    private final String password;
    private final boolean generated;

    private OperatorAccess(String username, String password, boolean generated) {
        this.username = username;
        this.password = password;
        this.generated = generated;
    }

    /** The operator's own password when {@code environment} (this JVM's) has one, else a random one. */
    static OperatorAccess forRun(Map<String, String> environment) {
        String username = environment.getOrDefault(USERNAME_VARIABLE, DEFAULT_USERNAME);
        String given = environment.get(PASSWORD_VARIABLE);
        if (given != null && !given.isBlank()) {
            return new OperatorAccess(username, given, false);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return new OperatorAccess(username, HexFormat.of().formatHex(random), true);
    }

    /** What ingest's environment gets on top of this JVM's: the generated password, or nothing (it inherits one). */
    Map<String, String> ingestEnvironment() {
        return this.generated ? Map.of(PASSWORD_VARIABLE, this.password) : Map.of();
    }

    /**
     * Lines to print once ingest is ready: the URL and credentials (a generated password in the first line only; the
     * operator's own is never printed), then example requests (ingest-service/STATE.md, "Operator endpoints").
     *
     * @param ingestUrl  {@code http://127.0.0.1:<port>}
     * @param folder     whether the run ingests a folder, so a folder backfill is possible
     */
    List<String> instructions(String ingestUrl, boolean folder) {
        List<String> lines = new ArrayList<>();
        String auth = this.generated ? "'" + this.username + ":" + this.password + "'"
                : "\"" + this.username + ":$" + PASSWORD_VARIABLE + "\"";
        lines.add("Operator endpoints (ingest-service/STATE.md), user " + this.username + ", password "
                + (this.generated ? "generated for this run" : "from $" + PASSWORD_VARIABLE) + ":  export INGEST="
                + ingestUrl + " AUTH=" + auth);
        lines.add("  status:   curl -fsS -u \"$AUTH\" $INGEST/actuator/ingest");
        lines.add("  run now:  curl -fsS -u \"$AUTH\" -X POST $INGEST/operator/runs");
        lines.add("  replay:   curl -fsS -u \"$AUTH\" -X POST $INGEST/operator/replays");
        if (folder) {
            lines.add("  backfill: curl -fsS -u \"$AUTH\" -X POST -H 'Content-Type: application/json'"
                    + " -d '{\"folder\":true}' $INGEST/operator/backfills");
        }
        return lines;
    }

    @Override
    public String toString() {
        // Never the password: this may end up in a log line or an exception message.
        return "OperatorAccess[" + this.username + (this.generated ? ", generated password" : ", given password") + "]";
    }
}
