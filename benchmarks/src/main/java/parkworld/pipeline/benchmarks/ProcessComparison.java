package parkworld.pipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The whole-process comparison: {@code java -jar parser-service.jar parse} against {@code java -jar
 * pdfbox-app-3.0.8.jar export:text} on the same PDF (by default {@link IssueFile#LARGE}, one genuine issue of 497
 * pages generated here; {@code fixture} the 22-page fixture; {@code merged-25}, the fixture joined 25 times, is
 * refused as {@code MULTIPLE_ISSUES}), each a fresh JVM with {@value #HEAP} and otherwise default flags, start-up
 * included, as an operator running either command would see it. A plain main, not JMH: what is measured is whole
 * processes, JVM start and JIT included. Runs alternate (baseline, parse, baseline, parse ...) so drifting machine
 * load hits both alike; reports the median of each and their ratio.
 *
 * <p>Arguments: {@code [runs=3] [parser-service.jar] [pdfbox-app.jar] [issue=large-500]}, defaults
 * {@code parser-service/target/parser-service.jar} and {@code benchmarks/target/pdfbox-app/pdfbox-app-3.0.8.jar}
 * (copied there by this module's build).
 */
public final class ProcessComparison {

    /**
     * The same heap bound for both commands (otherwise default flags): the JVM's default of a quarter of the
     * machine's memory sizes neither command and, on a shared machine, lets each grow far past what it needs.
     */
    static final String HEAP = "-Xmx1g";

    private ProcessComparison() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path parserJar = Path.of(args.length > 1 ? args[1] : "parser-service/target/parser-service.jar");
        Path pdfboxApp = Path.of(args.length > 2 ? args[2] : "benchmarks/target/pdfbox-app/pdfbox-app-3.0.8.jar");
        for (Path jar : List.of(parserJar, pdfboxApp)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " does not exist: build with "
                        + "./mvnw -pl parser-service,benchmarks -am package -DskipTests");
            }
        }
        String issue = args.length > 3 ? args[3] : IssueFile.LARGE;
        Path pdf = IssueFile.resolve(issue);
        Path work = Files.createTempDirectory("process-comparison-");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> baseline = List.of(java, HEAP, "-jar", pdfboxApp.toString(), "export:text", "-i", pdf.toString(),
                    "-o", work.resolve("text.txt").toString());
            // the page limit raised, and the time limit: 500 pages are parsed, not refused
            List<String> parse = List.of(java, HEAP, "-jar", parserJar.toString(), "parse", "--max-pages", "1000",
                    "--time-limit", "30m", pdf.toString());
            System.out.printf(Locale.ROOT, "%s: %d pages, %d bytes; %d runs each, alternating%n",
                    IssueFile.label(issue), IssueFile.pages(pdf), Files.size(pdf), runs);
            double[] baselineSeconds = new double[runs];
            double[] parseSeconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                baselineSeconds[i] = run(baseline, work, "baseline-" + i);
                parseSeconds[i] = run(parse, work, "parse-" + i);
                System.out.printf(Locale.ROOT, "  run %d: export:text %.2f s, parse %.2f s%n", i + 1, baselineSeconds[i],
                        parseSeconds[i]);
            }
            double baselineMedian = median(baselineSeconds);
            double parseMedian = median(parseSeconds);
            System.out.printf(Locale.ROOT, "median: export:text %.2f s, parse %.2f s, ratio %.2f (goal <= 1.15: %s)%n",
                    baselineMedian, parseMedian, parseMedian / baselineMedian,
                    parseMedian / baselineMedian <= 1.15 ? "met" : "NOT met");
        }
        finally {
            if (IssueFile.isTemporary(issue)) {
                Files.deleteIfExists(pdf);
            }
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** Wall-clock seconds of one process; its output goes to files, its exit status is reported if not 0. */
    private static double run(List<String> command, Path work, String name) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(new ArrayList<>(command))
            .redirectOutput(work.resolve(name + ".out").toFile())
            .redirectError(work.resolve(name + ".err").toFile())
            .start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not end within 30 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            List<String> err = Files.readAllLines(work.resolve(name + ".err"));
            System.out.printf("  %s exited with %d: %s%n", name, process.exitValue(),
                    err.isEmpty() ? "" : err.get(err.size() - 1));
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
