package parkworld.pipeline.parser.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.parser.pdf.TestPdfs;

/** Inputs the parser refuses, end to end from PDF bytes. */
class IssueParserRejectionTests {

    private final IssueParser parser = new IssueParser();

    @Test
    void rejectsPdfWithOtherTextAsNotAnIssue() {
        byte[] pdf = TestPdfs.withText(new String[] { "Quarterly report of the parks committee" },
                new String[] { "1. Attendance", "2. Budget for the coming year" });
        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> this.parser.parse(pdf));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason (message: %s)", rejection.getMessage())
                .isEqualTo(DeadLetterReason.NOT_AN_ISSUE);
        assertThat(rejection.getMessage()).as("message").contains("No issue number");
    }

    @Test
    void passesOnRejectionsOfTheInputFile() {
        byte[] html = "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);
        IssueRejectedException rejection = catchThrowableOfType(IssueRejectedException.class,
                () -> this.parser.parse(html));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.reason()).as("reason (message: %s)", rejection.getMessage())
                .isEqualTo(DeadLetterReason.NOT_PDF);
    }
}
