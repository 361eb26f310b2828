package parkworld.pipeline.benchmarks.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The numbers the benchmark prints, computed from a phase's instants and samples; no I/O. */
final class Figures {

    private static final double MIB = 1024.0 * 1024.0;

    private Figures() {
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Items per second over a window; a window under a millisecond counts as one millisecond (no division by 0). */
    static double rate(long items, Instant from, Instant to) {
        double seconds = Math.max(seconds(from, to), 0.001);
        return items / seconds;
    }

    /** The highest lag each consumer group showed in any sample, groups sorted by name. */
    static Map<String, Long> peakLag(List<Sample> samples) {
        Map<String, Long> peaks = new TreeMap<>();
        samples.forEach(s -> s.lag().forEach((group, lag) -> peaks.merge(group, lag, Math::max)));
        return peaks;
    }

    /** The highest value each process showed, e.g. of {@link Sample#rssBytes()}. */
    static Map<String, Long> peak(List<Sample> samples, java.util.function.Function<Sample, Map<String, Long>> of) {
        Map<String, Long> peaks = new TreeMap<>();
        samples.forEach(s -> of.apply(s).forEach((process, bytes) -> peaks.merge(process, bytes, Math::max)));
        return peaks;
    }

    /** S / E: how much longer the pipeline takes than plain text extraction of the same PDFs. */
    static double ratio(double pipelineSeconds, double extractionSeconds) {
        return pipelineSeconds / extractionSeconds;
    }

    /** {@code backfill: N issues, P pages, A articles in S s; extraction alone E s; ratio R}. */
    static String summaryLine(PhaseResult phase, double extractionSeconds) {
        return String.format(Locale.ROOT, "%s: %d issues, %d pages, %d articles in %.1f s; extraction alone %.1f s; "
                + "ratio %.2f", phase.name(), phase.issues(), phase.pages(), phase.articles(), phase.seconds(),
                extractionSeconds, ratio(phase.seconds(), extractionSeconds));
    }

    /**
     * Per stage: issues/s, pages/s and articles/s, each over the window from the phase's first {@code IssueFetched}
     * to the stage's last output (ingest: its last {@code IssueFetched}; parser: its last {@code IssueParsed};
     * indexer: the last article searchable), so a stage that waits for the one before it shows the rate the whole
     * pipeline reached up to it.
     */
    static List<String> stageLines(PhaseResult phase) {
        List<String> lines = new ArrayList<>();
        lines.add(stage("ingest ", phase, phase.lastFetched()));
        lines.add(stage("parser ", phase, phase.lastParsed()));
        lines.add(stage("indexer", phase, phase.lastSearchable()));
        return lines;
    }

    private static String stage(String name, PhaseResult phase, Instant last) {
        Instant first = phase.firstFetched();
        if (seconds(first, last) < 0.001) {
            // one issue: its IssueFetched is both first and last, there is no window to divide by
            return "  " + name + " (one IssueFetched: no rate)";
        }
        return String.format(Locale.ROOT, "  %s %6.2f issues/s %7.1f pages/s %7.1f articles/s  (done %.1f s after the "
                + "first IssueFetched)", name, rate(phase.issues(), first, last), rate(phase.pages(), first, last),
                rate(phase.articles(), first, last), seconds(first, last));
    }

    /** {@code parkworld-parser 12, ...}: each group's peak lag. */
    static String lagLine(PhaseResult phase) {
        StringBuilder line = new StringBuilder("  peak consumer lag:");
        peakLag(phase.samples()).forEach((group, lag) -> line.append(' ').append(group).append(' ').append(lag)
                .append(','));
        return trimComma(line);
    }

    /** Each process's peak heap and RSS over the phase, in MiB. */
    static List<String> memoryLines(PhaseResult phase) {
        Map<String, Long> heap = peak(phase.samples(), Sample::heapBytes);
        Map<String, Long> rss = peak(phase.samples(), Sample::rssBytes);
        List<String> lines = new ArrayList<>();
        rss.forEach((process, bytes) -> lines.add(String.format(Locale.ROOT, "  %-20s peak RSS %6.0f MiB%s", process,
                bytes / MIB, heap.containsKey(process)
                        ? String.format(Locale.ROOT, ", peak heap used %5.0f MiB", heap.get(process) / MIB) : "")));
        return lines;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
    }

    private static String trimComma(StringBuilder line) {
        if (line.charAt(line.length() - 1) == ',') {
            line.setLength(line.length() - 1);
        }
        return line.toString();
    }
}
