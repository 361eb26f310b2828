package parkworld.pipeline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.DeadLetterReason;

class TransientFailuresTests {

    @Test
    void recordTooLargeAnywhereInTheCauseChainIsPermanent() {
        RuntimeException wrapped = new IllegalStateException("send failed",
                new org.springframework.kafka.KafkaException("boom", new RecordTooLargeException("1.2 MB")));
        assertThat(TransientFailures.permanentReason(wrapped)).contains(DeadLetterReason.EVENT_TOO_LARGE);
    }

    @Test
    void serializationErrorIsPermanent() {
        assertThat(TransientFailures.permanentReason(new SerializationException("bad")))
            .contains(DeadLetterReason.MALFORMED_EVENT);
    }

    @Test
    void permanentFailureCarriesItsOwnReason() {
        assertThat(TransientFailures.permanentReason(
                new RuntimeException(new TransientFailures.PermanentFailure(DeadLetterReason.INVALID_OUTPUT, "x"))))
            .contains(DeadLetterReason.INVALID_OUTPUT);
    }

    @Test
    void brokerTimeoutsAndNetworkErrorsAreTransient() {
        assertThat(TransientFailures.permanentReason(new TimeoutException("metadata"))).isEmpty();
        assertThat(TransientFailures.permanentReason(new IllegalStateException(new ConnectException("refused"))))
            .isEmpty();
    }
}
