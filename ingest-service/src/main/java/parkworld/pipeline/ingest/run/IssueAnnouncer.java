package parkworld.pipeline.ingest.run;

import parkworld.pipeline.contract.IssueFetched;

/** Publishes {@link IssueFetched}; returns only once the broker has acknowledged it. */
@FunctionalInterface
public interface IssueAnnouncer {

    /**
     * @param event the event
     * @throws InvalidEventException when the event breaks its schema: it was not published
     * @throws Exception             when it could not be published (Kafka unavailable); the next run tries again
     */
    void announce(IssueFetched event) throws Exception;
}
