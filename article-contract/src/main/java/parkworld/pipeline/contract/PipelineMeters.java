package parkworld.pipeline.contract;

/**
 * Names of the Micrometer meters the services publish and that tools outside them read (the run command, dashboards,
 * alert rules): defined once here so a rename cannot silently break a reader. Prometheus exposes a counter
 * {@code a.b.c} as {@code a_b_c_total}, a timer as {@code a_b_c_seconds_count} etc.; see {@link #prometheus}.
 */
public final class PipelineMeters {

    /** Tag: what happened, e.g. {@code published}, {@code unchanged}, {@code failed}. */
    public static final String TAG_OUTCOME = "outcome";
    /** Tag: a {@link DeadLetterReason} name, or the ingest failure reason. */
    public static final String TAG_REASON = "reason";
    /** Tag: the service; every meter carries it as a common tag ({@code management.metrics.tags.service}). */
    public static final String TAG_SERVICE = "service";
    /** Tag: the host a crawler meter is about (the crawler contacts only its configured hosts: few values). */
    public static final String TAG_HOST = "host";
    /** Tag: an {@link EventType} name. */
    public static final String TAG_EVENT_TYPE = "event_type";

    /**
     * Observation (timer and trace span "ingest run"): one triggered ingest run, tag trigger {@code startup},
     * {@code schedule}, {@code catch-up}, {@code operator}, {@code backfill} or {@code replay}; a trigger skipped
     * because a run is under way counts too. The root span of the run's trace.
     */
    public static final String INGEST_TRIGGER = "parkworld.ingest.trigger";
    /**
     * Timer: one ingest run; tag outcome {@code ok}, {@code partial}, {@code failed} (discovery failed, or the run
     * threw), {@code abandoned} (past the run deadline).
     */
    public static final String INGEST_RUN_DURATION = "parkworld.ingest.run.duration";
    /**
     * Counter: issues seen by an ingest run; tags outcome ({@code published}, {@code unchanged}: announced before,
     * reason {@code NOT_MODIFIED} when the server answered 304, {@code duplicate}: the same bytes as another URL of the
     * run, {@code failed}: not fetched, or rejected as no issue, {@code permanently_failed}: skipped, failed too often,
     * {@code replayed}, {@code discovery_failed}), reason.
     */
    public static final String INGEST_ISSUES = "parkworld.ingest.issues";

    /**
     * Counter: HTTP exchanges of the ingest crawler (robots.txt, listing pages, documents; each redirect hop and retry
     * counts); tags host, outcome ({@code 2xx}, {@code 3xx}, {@code 304}, {@code 4xx}, {@code 5xx}, or a failure
     * reason such as {@code IO_ERROR}, {@code TIMEOUT}, {@code ADDRESS_NOT_ALLOWED}).
     */
    public static final String INGEST_FETCH_REQUESTS = "parkworld.ingest.fetch.requests";
    /** Timer: one HTTP exchange of the ingest crawler, headers and body; tags host, outcome as above. */
    public static final String INGEST_FETCH_DURATION = "parkworld.ingest.fetch.duration";
    /** Counter: body bytes the ingest crawler received; tag host. */
    public static final String INGEST_FETCH_BYTES = "parkworld.ingest.fetch.bytes";
    /** Counter: robots.txt verdicts per URL asked; tags host, outcome ({@code allowed}, {@code disallowed}, {@code unavailable}). */
    public static final String INGEST_ROBOTS_VERDICTS = "parkworld.ingest.robots.verdicts";
    /**
     * Counter: times the crawler backed off a host; tags host, reason ({@code RETRY_AFTER}, {@code FAILURE},
     * {@code ABANDONED}: left alone for the rest of the run).
     */
    public static final String INGEST_HOST_BACKOFFS = "parkworld.ingest.host.backoffs";
    /** Gauge: candidates of the ingest run (or backfill) under way; 0 when none runs. */
    public static final String INGEST_RUN_CANDIDATES_TOTAL = "parkworld.ingest.run.candidates.total";
    /** Gauge: candidates the ingest run (or backfill) under way has finished with; done/total is its progress. */
    public static final String INGEST_RUN_CANDIDATES_DONE = "parkworld.ingest.run.candidates.done";
    /** Gauge: candidates per minute the ingest run (or backfill) under way has finished since it started; 0 when none. */
    public static final String INGEST_RUN_CANDIDATES_RATE = "parkworld.ingest.run.candidates.per.minute";
    /**
     * Counter: ingest triggers refused because a run is under way in this process; tags trigger (the kind, as
     * {@link #INGEST_TRIGGER}), reason {@code run_under_way} or {@code abandoned_run_still_stopping} (a run past its
     * deadline that has not stopped yet).
     */
    public static final String INGEST_TRIGGERS_REFUSED = "parkworld.ingest.triggers.refused";

    /** Timer: parsing one issue; tag outcome. */
    public static final String PARSER_PARSE_DURATION = "parkworld.parser.parse.duration";
    /**
     * Counter: issues published (their articles and summary committed); tag outcome {@code parsed}, or
     * {@code degraded} when the parse's quality figures are beyond the parser's bounds ({@code IssueParsed.quality}).
     */
    public static final String PARSER_ISSUES = "parkworld.parser.issues";
    /** Gauge: parse threads in use, parses abandoned after the time limit included. */
    public static final String PARSER_PARSE_THREADS_BUSY = "parkworld.parser.parse.threads.busy";
    /**
     * Gauge: parses abandoned after the time limit that have not stopped yet; each holds a parse thread, and the
     * parser is not ready while any does. Alert on any lasting more than minutes.
     */
    public static final String PARSER_PARSES_ABANDONED = "parkworld.parser.parses.abandoned";
    /** Counter: article events published (committed). */
    public static final String PARSER_ARTICLES = "parkworld.parser.articles";
    /**
     * Counter: events a producer built that broke their own schema and were therefore not published; tag
     * event_type. Any value above zero is a producer defect.
     */
    public static final String INVALID_EVENTS = "parkworld.events.invalid";

    /** Counter: article documents Elasticsearch acknowledged. */
    public static final String INDEXER_ARTICLES_INDEXED = "parkworld.indexer.articles.indexed";
    /** Counter: article events older than the indexed document (a later parse already indexed). */
    public static final String INDEXER_ARTICLES_STALE = "parkworld.indexer.articles.stale";
    /**
     * Counter: article documents deleted because a later parse of their issue (an {@code IssueParsed}) no longer
     * contains them.
     */
    public static final String INDEXER_ARTICLES_REMOVED = "parkworld.indexer.articles.removed";
    /** Timer: one bulk request. */
    public static final String INDEXER_BULK_DURATION = "parkworld.indexer.bulk.duration";
    /** Counter: retries of a batch that could not be indexed. */
    public static final String INDEXER_BULK_RETRIES = "parkworld.indexer.bulk.retries";
    /**
     * Counter: bulk items (or whole requests' items) sent again within one batch because Elasticsearch refused them for
     * now (429, 5xx, timeouts, connection refused); tag reason, e.g. {@code 429 es_rejected_execution_exception}.
     */
    public static final String INDEXER_BULK_ITEM_RETRIES = "parkworld.indexer.bulk.item.retries";

    /**
     * Counter: issues-parsed records the indexer could neither apply nor dead-letter because Kafka refused the dead
     * letter for good; tag reason. Each is logged at ERROR with its offset and reported by the health endpoint.
     */
    public static final String INDEXER_ISSUES_SKIPPED = "parkworld.indexer.issues.skipped";

    /**
     * Counter: article records the indexer could neither index nor dead-letter because Kafka refused the dead letter
     * for good (larger than the dead-letter topic accepts); tag reason. Each is logged at ERROR with its offset. Any
     * value above zero is data loss to investigate; alert on it.
     */
    public static final String INDEXER_ARTICLES_SKIPPED = "parkworld.indexer.articles.skipped";

    /** Counter: records dead-lettered, by any service; tags reason (a {@link DeadLetterReason}) and service. */
    public static final String DEAD_LETTERS = "parkworld.dead.letters";

    private PipelineMeters() {
    }

    /**
     * The Prometheus sample name of a meter.
     *
     * @param meter  a name defined here
     * @param suffix {@code _total} for counters, {@code _seconds_count} / {@code _seconds_sum} for timers
     * @return e.g. {@code parkworld_dead_letters_total}
     */
    public static String prometheus(String meter, String suffix) {
        return meter.replace('.', '_') + suffix;
    }
}
