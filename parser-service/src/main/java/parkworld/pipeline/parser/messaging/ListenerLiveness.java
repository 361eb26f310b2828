package parkworld.pipeline.parser.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * Makes the service not live when its Kafka consumer is gone. A listener container stops for good when an
 * {@link Error} escapes the listener (an {@link OutOfMemoryError} on the consumer thread, say) or its consumer is
 * fenced or refused access; the process stays up and, without this, looks healthy while it consumes nothing. Any
 * stop other than a normal one (shutdown) sets {@link LivenessState#BROKEN}, so the liveness probe fails and the
 * orchestrator restarts the instance.
 */
final class ListenerLiveness implements ApplicationListener<ConsumerStoppedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ListenerLiveness.class);

    private final ApplicationEventPublisher events;

    ListenerLiveness(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
            broken("the Kafka listener container stopped (" + event.getReason() + "): no more issues are consumed");
        }
    }

    /** The instance cannot go on consuming; liveness goes down with the reason in the log. */
    void broken(String why) {
        log.error("Liveness BROKEN: {}; restart the instance", why);
        AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
    }
}
