package parkworld.pipeline.ingest.run;

import parkworld.pipeline.contract.IssueFetched;

/** Publishes {@link IssueFetched}; returns only once the broker has acknowledged it. */
@FunctionalInterface
public interface IssueAnnouncer {

    void announce(IssueFetched event) throws Exception;
}
