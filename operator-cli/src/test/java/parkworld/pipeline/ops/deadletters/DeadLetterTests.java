package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.ops.deadletters.ReplayRecordTests.deadLetterHeaders;
import static parkworld.pipeline.ops.deadletters.ReplayRecordTests.header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterTests {

    @Test
    void subjectIsTheCloudEventSubjectElseTheKeyElseADash() {
        byte[] key = "121-449319b7d5d3".getBytes(StandardCharsets.UTF_8);

        assertThat(deadLetter(key, List.of(header("ce_subject", "issue-121"))).subject()).isEqualTo("issue-121");
        assertThat(deadLetter(key, List.of()).subject()).isEqualTo("121-449319b7d5d3");
        assertThat(deadLetter(null, List.of(header("ce_subject", " "))).subject()).isEqualTo("-");
    }

    @Test
    void readsWhyAndWhereFromTheDeadLetterHeaders() {
        DeadLetter deadLetter = deadLetter(null, deadLetterHeaders("parkworld.issues.fetched"));

        assertThat(deadLetter.reason()).isEqualTo("NOT_PDF");
        assertThat(deadLetter.service()).isEqualTo("parser-service");
        assertThat(deadLetter.failedAt()).isEqualTo("2026-05-30T07:00:05Z");
        assertThat(deadLetter.originalPosition()).isEqualTo("parkworld.issues.fetched-0@7");
        assertThat(deadLetter.position()).isEqualTo("parkworld.parser.dlq-2@9");
    }

    @Test
    void missingOrGarbledHeadersShowAsUnknownRatherThanFailing() {
        DeadLetter deadLetter = deadLetter(null, List.of(header("parkworld_dlq_original_offset", "twelve")));

        assertThat(deadLetter.reason()).isEqualTo("-");
        assertThat(deadLetter.message()).isEmpty();
        assertThat(deadLetter.originalPosition()).isEqualTo("?-?@?");
        assertThat(deadLetter.originalTopic()).isEmpty();
    }

    @Test
    void aRepeatedHeaderReadsAsItsLastValue() {
        assertThat(deadLetter(null, List.of(header("parkworld_dlq_reason", "TIMEOUT"),
                header("parkworld_dlq_reason", "NOT_PDF"))).reason()).isEqualTo("NOT_PDF");
    }

    private static DeadLetter deadLetter(byte[] key, List<Header> headers) {
        return new DeadLetter("parkworld.parser.dlq", 2, 9, key, new byte[0], new ArrayList<>(headers));
    }
}
