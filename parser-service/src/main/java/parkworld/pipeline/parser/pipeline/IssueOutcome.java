package parkworld.pipeline.parser.pipeline;

import parkworld.pipeline.contract.DeadLetterReason;

/** How one run of the {@link IssuePipeline} ended: records to publish, or the reason nothing of the issue is. */
public sealed interface IssueOutcome {

    /** Article events built that broke their schema (counted whether or not the issue is published). */
    int invalidArticles();

    /**
     * The issue can be published.
     *
     * @param output the checked records
     */
    record Publishable(IssueOutput output) implements IssueOutcome {

        @Override
        public int invalidArticles() {
            return this.output.invalidArticles();
        }
    }

    /**
     * Nothing of the issue may be published.
     *
     * @param reason          why, as the dead-letter reason
     * @param message         one line describing the input without quoting it
     * @param cause           the failure behind a {@link DeadLetterReason#PARSER_ERROR}, for the log; else null
     * @param invalidArticles article events that broke their schema
     */
    record Rejected(DeadLetterReason reason, String message, Throwable cause, int invalidArticles)
            implements IssueOutcome {

        Rejected(DeadLetterReason reason, String message) {
            this(reason, message, null, 0);
        }
    }
}
