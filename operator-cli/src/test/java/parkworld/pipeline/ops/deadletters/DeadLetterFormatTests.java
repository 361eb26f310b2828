package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.ops.deadletters.ReplayRecordTests.header;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.DeadLetterHeaders;

class DeadLetterFormatTests {

    @Test
    void theTextColumnsLineUpWhateverThePrecisionOfTheFailureTime() {
        // Instant.toString(), as the services write it, is as long as the clock was precise.
        List<String> lines = List.of(DeadLetterFormat.TEXT_HEADER, line("2026-05-30T07:00:05Z"),
                line("2026-05-30T07:00:05.118Z"), line("2026-05-30T07:00:05.118123Z"),
                line("2026-05-30T07:00:05.118123456Z"), line("2026-05-30T09:00:05.1+02:00"));

        assertThat(lines).extracting(line -> line.indexOf("NOT_PDF") < 0 ? line.indexOf("REASON") : line.indexOf("NOT_PDF"))
            .containsOnly(DeadLetterFormat.TEXT_HEADER.indexOf("REASON"));
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(11, 35)).containsExactly(
                "2026-05-30T07:00:05.000Z", "2026-05-30T07:00:05.118Z", "2026-05-30T07:00:05.118Z",
                "2026-05-30T07:00:05.118Z", "2026-05-30T07:00:05.100Z");
    }

    @Test
    void aFailureTimeThatIsNoInstantIsShownAsItIs() {
        assertThat(DeadLetterFormat.failedAt("-")).isEqualTo("-");
        assertThat(DeadLetterFormat.failedAt("yesterday")).isEqualTo("yesterday");
    }

    private static String line(String failedAt) {
        List<Header> headers = new ArrayList<>(List.of(
                header(DeadLetterHeaders.FAILED_AT, failedAt), header(DeadLetterHeaders.REASON, "NOT_PDF")));
        return DeadLetterFormat.text(new DeadLetter("parkworld.parser.dlq", 0, 12, null, new byte[0], headers));
    }
}
