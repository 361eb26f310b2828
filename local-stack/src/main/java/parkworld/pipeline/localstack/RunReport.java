package parkworld.pipeline.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a settled run tells its user beyond the article count: every issue ingest could not fetch and every record the
 * parser or the indexer dead-lettered, per reason, with the command that shows the dead letters themselves; and the
 * exit status that {@code --exit-when-done} ends with. A run that lost something never looks like a clean one.
 */
final class RunReport {

    private final List<String> problems;
    private final int exitStatus;

    private final boolean deadLetters;

    private RunReport(List<String> problems, int exitStatus, boolean deadLetters) {
        this.deadLetters = deadLetters;
        this.problems = List.copyOf(problems);
        this.exitStatus = exitStatus;
    }

    /**
     * @param progress             the settled run's counts
     * @param kafka                the run's bootstrap servers
     * @param parserDeadLetterTopic  where this run's parser dead-letters
     * @param indexerDeadLetterTopic where this run's indexer dead-letters
     * @param logs                 the run's log directory
     */
    static RunReport of(PipelineProgress progress, String kafka, String parserDeadLetterTopic,
            String indexerDeadLetterTopic, Path logs) {
        List<String> problems = new ArrayList<>();
        progress.ingestProblem().ifPresent(problem -> problems.add("ingest-service: " + problem + "; see "
                + logs.resolve("ingest-service.log")));
        deadLetters(problems, "parser-service", "issue record(s)", progress.parserDeadLetters(), kafka,
                parserDeadLetterTopic);
        deadLetters(problems, "indexer-service", "article record(s)", progress.indexerDeadLetters(), kafka,
                indexerDeadLetterTopic);
        int exitStatus = progress.ingestProblem().isPresent() ? LocalPipeline.EXIT_FAILED
                : progress.hasDeadLetters() ? LocalPipeline.EXIT_DEAD_LETTERS : LocalPipeline.EXIT_CLEAN;
        return new RunReport(problems, exitStatus, progress.hasDeadLetters());
    }

    private static void deadLetters(List<String> problems, String service, String what, Map<String, Long> counts,
            String kafka, String topic) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return;
        }
        problems.add(service + " dead-lettered " + total + " " + what + ": " + PipelineProgress.perReason(counts));
        problems.add("  read them: " + listCommand(kafka, topic));
    }

    /**
     * What went wrong since {@code before}, for a run that keeps running after its first ingest: one line per count
     * that grew (new dead letters per service, new ingest failures), with the command that reads the dead letters.
     * Empty when nothing new failed.
     */
    static List<String> newProblems(PipelineProgress before, PipelineProgress now, String kafka,
            String parserDeadLetterTopic, String indexerDeadLetterTopic, Path logs) {
        List<String> lines = new ArrayList<>();
        if (now.issuesFailed() > before.issuesFailed()) {
            lines.add("ingest-service: " + (now.issuesFailed() - before.issuesFailed()) + " more issue(s) could not be"
                    + " fetched (now " + PipelineProgress.perReason(now.ingestFailures()) + "); see "
                    + logs.resolve("ingest-service.log"));
        }
        if (now.issuesRejected() > before.issuesRejected()) {
            lines.add("parser-service dead-lettered " + (now.issuesRejected() - before.issuesRejected())
                    + " more issue record(s) (now " + PipelineProgress.perReason(now.parserDeadLetters()) + "); read them: "
                    + listCommand(kafka, parserDeadLetterTopic));
        }
        if (now.deadLetters() > before.deadLetters()) {
            lines.add("indexer-service dead-lettered " + (now.deadLetters() - before.deadLetters())
                    + " more article record(s) (now " + PipelineProgress.perReason(now.indexerDeadLetters())
                    + "); read them: " + listCommand(kafka, indexerDeadLetterTopic));
        }
        return lines;
    }

    /** The dead-letter command that lists a topic of this run. */
    static String listCommand(String kafka, String topic) {
        return "deploy/dead-letters list --bootstrap-servers " + kafka + " --topic " + topic;
    }

    /** One line per problem, ready to print; empty for a clean run. */
    List<String> problems() {
        return this.problems;
    }

    /** @return true when a service dead-lettered something, whatever else went wrong */
    boolean hasDeadLetters() {
        return this.deadLetters;
    }

    boolean isClean() {
        return this.problems.isEmpty();
    }

    /** {@link LocalPipeline#EXIT_CLEAN}, {@link LocalPipeline#EXIT_FAILED} or {@link LocalPipeline#EXIT_DEAD_LETTERS}. */
    int exitStatus() {
        return this.exitStatus;
    }
}
