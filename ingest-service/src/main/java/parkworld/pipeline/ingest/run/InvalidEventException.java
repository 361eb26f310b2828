package parkworld.pipeline.ingest.run;

import java.util.List;
import parkworld.pipeline.contract.DeadLetterReason;

/**
 * The event ingest built breaks its own JSON Schema, so it was not published: a defect of the ingest-service (or of
 * the contract), never of the website. The run records the issue as failed with reason
 * {@link DeadLetterReason#INVALID_OUTPUT}; it is tried again on the next run and fails the same way until fixed.
 */
public class InvalidEventException extends Exception {

    /** At most this many violations are quoted in the message. */
    private static final int QUOTED_VIOLATIONS = 5;

    private final List<String> violations;

    /**
     * @param what       the event, e.g. {@code IssueFetched of issue-121}
     * @param violations what the schema refuses, one line each
     */
    public InvalidEventException(String what, List<String> violations) {
        super(what + " breaks its schema (" + violations.size() + " violations): "
                + String.join("; ", violations.subList(0, Math.min(QUOTED_VIOLATIONS, violations.size()))));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return this.violations;
    }
}
