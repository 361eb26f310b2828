package parkworld.pipeline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * {@link IssueParseBenchmark}'s two operations alternating in one JVM, round after round, with the ratio taken per
 * round: JMH runs every trial of the full parse before any of plain extraction, so on a machine whose speed drifts
 * (the fixture's plain extraction measured 95 and 139 ms/op in two quiet JMH runs minutes apart) its ratio compares
 * different minutes. Each round runs both operations, in alternating order; the first rounds warm the JIT up and are
 * not counted. Prints the median per-round ratio of wall time and of the measuring thread's CPU time (which leaves
 * out the GC and JIT threads' work, so it is the lower figure when the full parse allocates more).
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar parkworld.pipeline.benchmarks.ParseCostRounds [issue=large-500] [rounds=30] [warm-up=10]</pre>
 */
public final class ParseCostRounds {

    private ParseCostRounds() {
    }

    public static void main(String[] args) throws Exception {
        String issue = args.length > 0 ? args[0] : IssueFile.LARGE;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        IssueParseBenchmark benchmark = new IssueParseBenchmark();
        benchmark.issue = issue;
        benchmark.openIssue();
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            RoundRatios wall = new RoundRatios();
            RoundRatios cpu = new RoundRatios();
            long sink = 0;
            for (int round = 0; round < warmUp + rounds; round++) {
                long[] full = new long[2];
                long[] plain = new long[2];
                for (int turn = 0; turn < 2; turn++) {
                    boolean fullNow = (round + turn) % 2 == 0;
                    long startWall = System.nanoTime();
                    long startCpu = threads.getCurrentThreadCpuTime();
                    sink += fullNow ? benchmark.fullParseEvents() : benchmark.plainExtraction().length();
                    long[] into = fullNow ? full : plain;
                    into[0] = System.nanoTime() - startWall;
                    into[1] = threads.getCurrentThreadCpuTime() - startCpu;
                }
                if (round >= warmUp) {
                    wall.add(full[0], plain[0]);
                    cpu.add(full[1], plain[1]);
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d rounds after %d of warm-up, full parse and plain extraction"
                    + " alternating (checksum %d)%n", issue, rounds, warmUp, sink);
            print("wall time", wall);
            print("thread CPU", cpu);
        }
        finally {
            benchmark.removeCopy();
        }
    }

    private static void print(String what, RoundRatios ratios) {
        System.out.printf(Locale.ROOT, "  %-10s full %.1f ms, plain %.1f ms (medians); per-round ratio median %.2f"
                + " (min %.2f, max %.2f; goal <= 1.15: %s)%n", what, ratios.medianMeasured() / 1e6,
                ratios.medianBaseline() / 1e6, ratios.medianRatio(), ratios.minRatio(), ratios.maxRatio(),
                ratios.medianRatio() <= 1.15 ? "met" : "NOT met");
    }
}
