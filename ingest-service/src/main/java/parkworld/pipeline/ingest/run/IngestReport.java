package parkworld.pipeline.ingest.run;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param discovered        issues the source offered
 * @param published         issues announced for the first time (or again because their content changed)
 * @param unchanged         issues skipped because exactly these bytes were announced before
 * @param duplicates        candidates skipped because another URL of this run had the same bytes: one issue, announced
 *                          once; one line each, naming both
 * @param rejected          candidates whose bytes are no issue ({@code EMPTY}, {@code NOT_PDF}, {@code TRUNCATED}):
 *                          never announced, one line each with the reason; tried again on later runs up to
 *                          {@code parkworld.ingest.state.max-attempts}
 * @param failures          issues that could not be fetched or announced, and listing pages that could not be read,
 *                          one line each with the reason; retried on later runs up to the same limit
 * @param permanentlyFailed candidates not tried because they failed too often, one line each with their last error
 */
public record IngestReport(int discovered, List<String> published, int unchanged, List<String> duplicates,
        List<String> rejected, List<String> failures, List<String> permanentlyFailed) {

    public IngestReport {
        published = List.copyOf(published);
        duplicates = List.copyOf(duplicates);
        rejected = List.copyOf(rejected);
        failures = List.copyOf(failures);
        permanentlyFailed = List.copyOf(permanentlyFailed);
    }

    /** Whether anything the source offered did not make it: a failure or a rejected candidate. */
    public boolean hasFailures() {
        return !this.failures.isEmpty() || !this.rejected.isEmpty() || !this.permanentlyFailed.isEmpty();
    }
}
