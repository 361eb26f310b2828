package parkworld.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTests {

    @Test
    void describeWhyAndWhereFromInAStableOrder() {
        assertThat(DeadLetterHeaders.of(DeadLetterReason.NOT_PDF, "no %PDF- header", "parser-service",
                "parkworld.issues.fetched", 0, 17, Instant.parse("2026-12-02T05:00:00Z")))
            .containsExactly(java.util.Map.entry("parkworld_dlq_reason", "NOT_PDF"),
                    java.util.Map.entry("parkworld_dlq_message", "no %PDF- header"),
                    java.util.Map.entry("parkworld_dlq_service", "parser-service"),
                    java.util.Map.entry("parkworld_dlq_original_topic", "parkworld.issues.fetched"),
                    java.util.Map.entry("parkworld_dlq_original_partition", "0"),
                    java.util.Map.entry("parkworld_dlq_original_offset", "17"),
                    java.util.Map.entry("parkworld_dlq_failed_at", "2026-12-02T05:00:00Z"));
    }

    @Test
    void messageIsOneBoundedLine() {
        assertThat(DeadLetterHeaders.oneLine("first\r\n  second\nthird")).isEqualTo("first second third");
        assertThat(DeadLetterHeaders.oneLine("x".repeat(5000))).hasSize(DeadLetterHeaders.MAX_MESSAGE_LENGTH).endsWith("…");
        assertThat(DeadLetterHeaders.oneLine(null)).isEmpty();
    }

    @Test
    void onlyTheDeadLetterHeadersAreStrippedOnReplay() {
        assertThat(DeadLetterHeaders.isDeadLetterHeader(DeadLetterHeaders.REASON)).isTrue();
        assertThat(DeadLetterHeaders.isDeadLetterHeader("ce_subject")).isFalse();
        assertThat(DeadLetterHeaders.isDeadLetterHeader(DeadLetterHeaders.REPLAYED_FROM)).isFalse();
    }
}
