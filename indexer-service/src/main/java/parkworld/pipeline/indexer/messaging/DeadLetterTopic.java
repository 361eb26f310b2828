package parkworld.pipeline.indexer.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaProducerProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;

/**
 * Creates the dead-letter topic at startup the way the binder creates the topics it binds (same admin settings,
 * replication and partition defaults), so dead letters do not depend on the broker auto-creating topics. It runs in
 * the background so an unreachable Kafka does not hold up startup any longer than the binder does; a failure is
 * logged, not fatal (the binder reports Kafka down too, and publishing a dead letter retries).
 */
class DeadLetterTopic implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopic.class);

    private final KafkaTopicProvisioner provisioner;
    private final String topic;

    DeadLetterTopic(KafkaTopicProvisioner provisioner, String topic) {
        this.provisioner = provisioner;
        this.topic = topic;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Thread thread = new Thread(this::provision, "dead-letter-topic");
        thread.setDaemon(true);
        thread.start();
    }

    void provision() {
        try {
            this.provisioner.provisionProducerDestination(this.topic,
                    new ExtendedProducerProperties<>(new KafkaProducerProperties()));
            log.info("Dead-letter topic {} is ready", this.topic);
        }
        catch (RuntimeException ex) {
            log.warn("Could not create dead-letter topic {} at startup; publishing will retry: {}", this.topic,
                    ex.getMessage());
        }
    }
}
