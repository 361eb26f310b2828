package parkworld.pipeline.localstack;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts across the pipeline, read from the services' metrics.
 *
 * @param ingestRunDone      the ingest-service finished at least one run
 * @param issuesPublished    issues announced on the fetched topic
 * @param issuesUnchanged    issues skipped because they were announced before, or have the same bytes as another URL
 *                           of the run
 * @param ingestFailures     issues ingest could not fetch, per reason; runs that could read no listing page as
 *                           {@link #DISCOVERY_FAILED}
 * @param issuesParsed       issues the parser turned into articles
 * @param parserDeadLetters  issue records the parser dead-lettered, per reason
 * @param articlesExtracted  article events published
 * @param articlesIndexed    article events Elasticsearch acknowledged (stale ones included)
 * @param indexerDeadLetters article records the indexer dead-lettered, per reason
 */
public record PipelineProgress(boolean ingestRunDone, long issuesPublished, long issuesUnchanged,
        Map<String, Long> ingestFailures, long issuesParsed, Map<String, Long> parserDeadLetters,
        long articlesExtracted, long articlesIndexed, Map<String, Long> indexerDeadLetters) {

    /** The reason under which {@link #ingestFailures} counts runs whose discovery failed (no listing page read). */
    static final String DISCOVERY_FAILED = "DISCOVERY_FAILED";

    public PipelineProgress {
        // Immutable copies: the record cannot change under its reader.
        ingestFailures = Map.copyOf(ingestFailures);
        parserDeadLetters = Map.copyOf(parserDeadLetters);
        indexerDeadLetters = Map.copyOf(indexerDeadLetters);
    }

    /** Issues ingest could not fetch, whatever the reason. */
    public long issuesFailed() {
        return total(this.ingestFailures);
    }

    /** Issue records the parser dead-lettered, whatever the reason. */
    public long issuesRejected() {
        return total(this.parserDeadLetters);
    }

    /** Article records the indexer dead-lettered, whatever the reason. */
    public long deadLetters() {
        return total(this.indexerDeadLetters);
    }

    /** Everything ingest announced was parsed or rejected, and every article was indexed or dead-lettered. */
    public boolean isSettled() {
        return this.ingestRunDone && this.issuesParsed + issuesRejected() >= this.issuesPublished
                && this.articlesIndexed + deadLetters() >= this.articlesExtracted;
    }

    /** The service whose work is outstanding: ingest until its run is done, then the parser, then the indexer. */
    public String stuckStage() {
        if (!this.ingestRunDone) {
            return "ingest-service";
        }
        return this.issuesParsed + issuesRejected() < this.issuesPublished ? "parser-service" : "indexer-service";
    }

    /** Why a settled run did not ingest what it should have: issues that failed, or nothing found at all. */
    public Optional<String> ingestProblem() {
        long discoveryFailed = this.ingestFailures.getOrDefault(DISCOVERY_FAILED, 0L);
        if (discoveryFailed > 0 && issuesFailed() == discoveryFailed) {
            return Optional.of("the source could not be read: " + discoveryFailed + " run(s) found no listing page ("
                    + DISCOVERY_FAILED + ")");
        }
        if (issuesFailed() > 0) {
            return Optional.of((issuesFailed() - discoveryFailed) + " issue(s) could not be fetched ("
                    + perReason(this.ingestFailures) + ")");
        }
        if (this.issuesPublished == 0 && this.issuesUnchanged == 0) {
            return Optional.of("no issues were found at the source");
        }
        return Optional.empty();
    }

    /** True when the parser or the indexer gave up on any record. */
    public boolean hasDeadLetters() {
        return issuesRejected() > 0 || deadLetters() > 0;
    }

    public String summary() {
        return "issues fetched " + this.issuesPublished + " (unchanged " + this.issuesUnchanged + ", failed "
                + issuesFailed() + ") | parsed " + this.issuesParsed + " (rejected " + issuesRejected()
                + ") | articles " + this.articlesExtracted + " | indexed " + this.articlesIndexed + " (dead letters "
                + deadLetters() + ")";
    }

    /**
     * The line ending a run: what this run indexed (from its own counters), and apart from it what the index holds
     * in all, which with a kept {@code target/local-run/} includes every earlier run's articles.
     *
     * @param indexTotal the documents the alias holds now
     */
    public String done(OptionalLong indexTotal, String alias) {
        String indexed = this.articlesIndexed == 0 ? "this run indexed no articles"
                : "this run indexed " + this.articlesIndexed + " article(s)";
        if (indexTotal.isEmpty()) {
            // Not "holds 0": a count that could not be read says nothing about what the index holds.
            return "Done: " + indexed + "; Elasticsearch index '" + alias + "' could not be counted. " + summary();
        }
        long total = indexTotal.getAsLong();
        String held = this.articlesIndexed == 0 && total > 0 ? total + " searchable, all from earlier runs"
                : total + " searchable in all";
        return "Done: " + indexed + "; Elasticsearch index '" + alias + "' holds " + held + ". " + summary();
    }

    /** {@code NOT_PDF 2, TIMEOUT 1}, by reason name. */
    static String perReason(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
