package parkworld.pipeline.indexer.messaging;

import java.util.List;

/** Publishes dead letters and returns only once all of them are stored. */
public interface DeadLetterPublisher {

    /**
     * @param deadLetters what to publish; nothing happens when empty
     * @throws DeadLetterPublishException when any of them could not be stored; the batch is retried
     */
    void publish(List<DeadLetter> deadLetters);
}
