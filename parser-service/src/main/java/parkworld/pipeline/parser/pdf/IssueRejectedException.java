package parkworld.pipeline.parser.pdf;

import java.util.Objects;

/**
 * The input cannot be parsed as an issue, for a {@link RejectionReason reason} that lies in the
 * input itself. The message is a single human-readable line.
 */
public class IssueRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public IssueRejectedException(RejectionReason reason, String message) {
        this(reason, message, null);
    }

    public IssueRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return this.reason;
    }

    @Override
    public String toString() {
        return "IssueRejectedException[" + this.reason + "]: " + getMessage();
    }
}
