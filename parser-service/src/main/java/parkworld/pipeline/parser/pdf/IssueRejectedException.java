package parkworld.pipeline.parser.pdf;

import parkworld.pipeline.contract.DeadLetterReason;
import java.util.Objects;

/**
 * The input cannot be parsed as an issue, for a {@link DeadLetterReason reason} that lies in the
 * input itself. The message is a single human-readable line.
 */
public class IssueRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DeadLetterReason reason;

    public IssueRejectedException(DeadLetterReason reason, String message) {
        this(reason, message, null);
    }

    public IssueRejectedException(DeadLetterReason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DeadLetterReason reason() {
        return this.reason;
    }

    @Override
    public String toString() {
        return "IssueRejectedException[" + this.reason + "]: " + getMessage();
    }
}
