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
    /** Tag: an {@link EventType} name. */
    public static final String TAG_EVENT_TYPE = "event_type";

    /** Timer: one ingest run; tag outcome {@code ok}, {@code partial}, {@code failed}. */
    public static final String INGEST_RUN_DURATION = "parkworld.ingest.run.duration";
    /**
     * Counter: issues seen by an ingest run; tags outcome ({@code published}, {@code unchanged}, {@code duplicate}: the
     * same bytes as another URL of the run, {@code failed}: not fetched, or rejected as no issue), reason.
     */
    public static final String INGEST_ISSUES = "parkworld.ingest.issues";

    /** Gauge: candidates of the ingest run (or backfill) under way; 0 when none runs. */
    public static final String INGEST_RUN_CANDIDATES_TOTAL = "parkworld.ingest.run.candidates.total";
    /** Gauge: candidates the ingest run (or backfill) under way has finished with; done/total is its progress. */
    public static final String INGEST_RUN_CANDIDATES_DONE = "parkworld.ingest.run.candidates.done";

    /** Timer: parsing one issue; tag outcome. */
    public static final String PARSER_PARSE_DURATION = "parkworld.parser.parse.duration";
    /**
     * Counter: issues published (their articles and summary committed); tag outcome {@code parsed}, or
     * {@code degraded} when the parse's quality figures are beyond the parser's bounds ({@code IssueParsed.quality}).
     */
    public static final String PARSER_ISSUES = "parkworld.parser.issues";
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
