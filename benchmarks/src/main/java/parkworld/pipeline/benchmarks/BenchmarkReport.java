package parkworld.pipeline.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Main class of {@code benchmarks.jar}: takes JMH's usual options, runs the benchmarks with the GC profiler (for
 * allocation per operation) unless other profilers are asked for, then prints what JMH does not: pages per second
 * of the full parse and of plain extraction, and their ratio against the goal.
 */
public final class BenchmarkReport {

    /** The full parse may take at most this much longer than plain extraction. */
    static final double GOAL_RATIO = 1.15;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        }
        catch (CommandLineOptionException ex) {
            System.err.println("Error parsing command line: " + ex.getMessage());
            System.exit(1);
            return;
        }
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            // nothing to run: JMH's own main answers these
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        print(results, System.out);
    }

    private static void print(Collection<RunResult> results, PrintStream out) throws IOException {
        // per issue PDF (the "issue" parameter), the two benchmarks side by side
        Map<String, Map<String, RunResult>> byIssue = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            byIssue.computeIfAbsent(result.getParams().getParam("issue"), key -> new TreeMap<>()).put(method, result);
        }
        for (Map.Entry<String, Map<String, RunResult>> entry : byIssue.entrySet()) {
            String issue = entry.getKey();
            RunResult parse = entry.getValue().get("fullParse");
            RunResult baseline = entry.getValue().get("plainExtraction");
            if (parse == null || baseline == null) {
                out.println(IssueFile.label(issue) + ": run both fullParse and plainExtraction to compare them");
                continue;
            }
            Path pdf = IssueFile.resolve(issue);
            int pages;
            try {
                pages = IssueFile.pages(pdf);
            }
            finally {
                if (IssueFile.isTemporary(issue)) {
                    Files.deleteIfExists(pdf);
                }
            }
            double parseSeconds = meanSeconds(parse);
            double baselineSeconds = meanSeconds(baseline);
            double ratio = parseSeconds / baselineSeconds;
            out.printf(Locale.ROOT, "%s, %d pages:%n", IssueFile.label(issue), pages);
            out.printf(Locale.ROOT, "  pages/s parse=%.1f baseline=%.1f ratio=%.2f"
                    + " (time of full parse / time of plain extraction; goal <= %.2f: %s)%n",
                    pages / parseSeconds, pages / baselineSeconds, ratio, GOAL_RATIO,
                    ratio <= GOAL_RATIO ? "met" : "NOT met");
            out.printf(Locale.ROOT, "  ms/op parse=%.1f baseline=%.1f; alloc/op parse=%s baseline=%s%n",
                    parseSeconds * 1000, baselineSeconds * 1000, allocation(parse), allocation(baseline));
            double bestParse = bestSeconds(parse);
            double bestBaseline = bestSeconds(baseline);
            out.printf(Locale.ROOT, "  best iteration: ms/op parse=%.1f baseline=%.1f ratio=%.2f%n", bestParse * 1000,
                    bestBaseline * 1000, bestParse / bestBaseline);
        }
    }

    /** Seconds per operation from a score in any of JMH's time units, average time or throughput. */
    static double secondsPerOp(double score, String unit) {
        if (unit.endsWith("/op")) {
            return score * seconds(unit.substring(0, unit.length() - 3));
        }
        if (unit.startsWith("ops/")) {
            return seconds(unit.substring(4)) / score;
        }
        throw new IllegalArgumentException("cannot compare scores in " + unit + "; use -bm avgt or -bm thrpt");
    }

    private static double meanSeconds(RunResult run) {
        Result<?> primary = run.getPrimaryResult();
        return secondsPerOp(primary.getScore(), primary.getScoreUnit());
    }

    /** The fastest iteration: on a shared machine the one least disturbed by other processes. */
    private static double bestSeconds(RunResult run) {
        Result<?> primary = run.getPrimaryResult();
        String unit = primary.getScoreUnit();
        double best = unit.endsWith("/op") ? primary.getStatistics().getMin() : primary.getStatistics().getMax();
        return secondsPerOp(best, unit);
    }

    private static double seconds(String unit) {
        TimeUnit timeUnit = switch (unit) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "min" -> TimeUnit.MINUTES;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
        return timeUnit.toNanos(1) / 1e9;
    }

    private static String allocation(RunResult run) {
        Result<?> bytes = run.getSecondaryResults().get("gc.alloc.rate.norm");
        return (bytes == null) ? "n/a (-prof gc)" : String.format(Locale.ROOT, "%.1f MB", bytes.getScore() / 1e6);
    }
}
