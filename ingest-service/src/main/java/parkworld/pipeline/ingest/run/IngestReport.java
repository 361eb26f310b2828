package parkworld.pipeline.ingest.run;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param discovered issues the source offered
 * @param published  issues announced for the first time (or again because their content changed)
 * @param unchanged  issues skipped because exactly these bytes were announced before
 * @param failures   issues that could not be fetched or announced, one line each; retried on the next run
 */
public record IngestReport(int discovered, List<String> published, int unchanged, List<String> failures) {

    public boolean hasFailures() {
        return !this.failures.isEmpty();
    }
}
