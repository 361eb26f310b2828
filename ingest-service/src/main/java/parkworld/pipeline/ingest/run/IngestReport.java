package parkworld.pipeline.ingest.run;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param discovered issues the source offered
 * @param published  issues announced for the first time (or again because their content changed)
 * @param unchanged  issues skipped because exactly these bytes were announced before
 * @param duplicates candidates skipped because another URL of this run had the same bytes: one issue, announced
 *                   once; one line each, naming both
 * @param rejected   candidates whose bytes are no issue ({@code EMPTY}, {@code NOT_PDF}, {@code TRUNCATED}): never
 *                   announced, one line each with the reason; tried again on the next run
 * @param failures   issues that could not be fetched or announced, and listing pages that could not be read, one
 *                   line each with the reason; retried on the next run
 */
public record IngestReport(int discovered, List<String> published, int unchanged, List<String> duplicates,
        List<String> rejected, List<String> failures) {

    public IngestReport {
        published = List.copyOf(published);
        duplicates = List.copyOf(duplicates);
        rejected = List.copyOf(rejected);
        failures = List.copyOf(failures);
    }

    /** Whether anything the source offered did not make it: a failure or a rejected candidate. */
    public boolean hasFailures() {
        return !this.failures.isEmpty() || !this.rejected.isEmpty();
    }
}
