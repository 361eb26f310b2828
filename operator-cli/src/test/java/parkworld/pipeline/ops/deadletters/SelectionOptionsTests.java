package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.ops.deadletters.ReplayRecordTests.header;

import java.util.List;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.DeadLetterReason;

class SelectionOptionsTests {

    @Test
    void criteriaGivenTogetherMustAllMatch() {
        SelectionOptions selection = new SelectionOptions();
        selection.reasons = List.of(DeadLetterReason.TIMEOUT);
        selection.partition = 1;

        assertThat(selection.matches(deadLetter(1, 0, "TIMEOUT"))).isTrue();
        assertThat(selection.matches(deadLetter(0, 0, "TIMEOUT"))).isFalse();
        assertThat(selection.matches(deadLetter(1, 0, "NOT_PDF"))).isFalse();
    }

    @Test
    void offsetRangeIsInclusiveAtBothEnds() {
        SelectionOptions selection = new SelectionOptions();
        selection.partition = 0;
        selection.fromOffset = 3L;
        selection.toOffset = 5L;

        assertThat(List.of(2L, 3L, 4L, 5L, 6L)).filteredOn(offset -> selection.matches(deadLetter(0, offset, "NOT_PDF")))
            .containsExactly(3L, 4L, 5L);
    }

    @Test
    void anyOfSeveralReasonsMatchesAndAnUnknownReasonMatchesNone() {
        SelectionOptions selection = new SelectionOptions();
        selection.reasons = List.of(DeadLetterReason.NOT_PDF, DeadLetterReason.ENCRYPTED);

        assertThat(selection.matches(deadLetter(0, 0, "ENCRYPTED"))).isTrue();
        assertThat(selection.matches(deadLetter(0, 0, "FROM_A_NEWER_VERSION"))).isFalse();
    }

    @Test
    void noCriteriaIsAnEmptySelectionMatchingEverything() {
        SelectionOptions selection = new SelectionOptions();

        assertThat(selection.isEmpty()).isTrue();
        assertThat(selection.matches(deadLetter(3, 99, "TIMEOUT"))).isTrue();
    }

    private static DeadLetter deadLetter(int partition, long offset, String reason) {
        return new DeadLetter("dlq", partition, offset, null, new byte[0], List.of(header("parkworld_dlq_reason", reason)));
    }
}
