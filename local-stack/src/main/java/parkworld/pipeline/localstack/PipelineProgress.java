package parkworld.pipeline.localstack;

import java.util.Optional;

/**
 * Counts across the pipeline, read from the services' metrics.
 *
 * @param ingestRunDone     the ingest-service finished at least one run
 * @param issuesPublished   issues announced on the fetched topic
 * @param issuesUnchanged   issues skipped because they were announced before
 * @param issuesFailed      issues ingest could not fetch
 * @param issuesParsed      issues the parser turned into articles
 * @param issuesRejected    issue records the parser dead-lettered
 * @param articlesExtracted article events published
 * @param articlesIndexed   article events Elasticsearch acknowledged (stale ones included)
 * @param deadLetters       article events the indexer dead-lettered
 */
public record PipelineProgress(boolean ingestRunDone, long issuesPublished, long issuesUnchanged, long issuesFailed,
        long issuesParsed, long issuesRejected, long articlesExtracted, long articlesIndexed, long deadLetters) {

    /** Everything ingest announced was parsed or rejected, and every article was indexed or dead-lettered. */
    public boolean isSettled() {
        return this.ingestRunDone && this.issuesParsed + this.issuesRejected >= this.issuesPublished
                && this.articlesIndexed + this.deadLetters >= this.articlesExtracted;
    }

    /** The service whose work is outstanding: ingest until its run is done, then the parser, then the indexer. */
    public String stuckStage() {
        if (!this.ingestRunDone) {
            return "ingest-service";
        }
        return this.issuesParsed + this.issuesRejected < this.issuesPublished ? "parser-service" : "indexer-service";
    }

    /** Why a settled run did not ingest what it should have: issues that failed, or nothing found at all. */
    public Optional<String> ingestProblem() {
        if (this.issuesFailed > 0) {
            return Optional.of(this.issuesFailed + " issue(s) could not be fetched");
        }
        if (this.issuesPublished == 0 && this.issuesUnchanged == 0) {
            return Optional.of("no issues were found at the source");
        }
        return Optional.empty();
    }

    public String summary() {
        return "issues fetched " + this.issuesPublished + " (unchanged " + this.issuesUnchanged + ", failed "
                + this.issuesFailed + ") | parsed " + this.issuesParsed + " (rejected " + this.issuesRejected
                + ") | articles " + this.articlesExtracted + " | indexed " + this.articlesIndexed + " (dead letters "
                + this.deadLetters + ")";
    }
}
