package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.kafka.event.ConsumerStoppedEvent;

class ListenerLivenessTests {

    private final List<Object> published = new ArrayList<>();
    private final ListenerLiveness liveness = new ListenerLiveness(this.published::add);

    @Test
    void breaksLivenessWhenTheContainerStoppedOnAnError() {
        this.liveness.onApplicationEvent(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.ERROR));

        assertThat(this.published).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class,
                event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
    }

    @Test
    void breaksLivenessWhenTheContainerWasFencedOrStoppedAbnormally() {
        this.liveness.onApplicationEvent(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.FENCED));
        this.liveness.onApplicationEvent(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.ABNORMAL));

        assertThat(this.published).hasSize(2);
    }

    @Test
    void leavesLivenessAloneOnANormalStop() {
        this.liveness.onApplicationEvent(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.NORMAL));

        assertThat(this.published).isEmpty();
    }
}
