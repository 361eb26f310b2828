package parkworld.pipeline.benchmarks.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parkworld.pipeline.benchmarks.corpus.CorpusGenerator;
import parkworld.pipeline.benchmarks.corpus.GeneratedIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end, as {@code benchmarks/run-backfill} starts it: a JVM of its own on the packaged jar, real
 * Kafka, Elasticsearch and the three packaged services, a corpus of three generated issues; its summary lines must count
 * exactly the pages and articles the generator put in.
 */
class BackfillBenchmarkIT {

    private static final Pattern SUMMARY = Pattern.compile("^(backfill|replay): (\\d+) issues, (\\d+) pages, (\\d+) "
            + "articles in ([0-9.]+) s; extraction alone ([0-9.]+) s; ratio ([0-9.]+)$", Pattern.MULTILINE);

    @Test
    void backfillAndReplayLinesCountEveryPageAndArticleOfTheCorpus(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path corpus = dir.resolve("corpus");
        List<GeneratedIssue> issues = new CorpusGenerator().write(corpus, 3, 11);
        int expectedArticles = issues.stream().mapToInt(GeneratedIssue::articles).sum();
        int expectedPages = issues.stream().mapToInt(GeneratedIssue::pages).sum();
        Path out = dir.resolve("out");

        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dparkworld.project.root=" + root, "-cp", root.resolve("benchmarks/target/benchmarks.jar").toString(),
                BackfillBenchmark.class.getName(), "--corpus", corpus.toString(), "--out", out.toString(),
                "--build", "test");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
            .redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().put(BackfillBenchmark.PASSWORD_VARIABLE, UUID.randomUUID().toString());
        Process harness = builder.start();
        harness.getOutputStream().close();
        String stdout = new String(harness.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(harness.waitFor(15, TimeUnit.MINUTES)).isTrue();

        assertThat(harness.exitValue()).as(stdout + Files.readString(dir.resolve("stderr.log"))).isZero();
        List<String[]> summaries = new ArrayList<>();
        Matcher m = SUMMARY.matcher(stdout);
        while (m.find()) {
            summaries.add(new String[] { m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                    m.group(7) });
        }
        assertThat(summaries).as(stdout).extracting(s -> s[0]).containsExactly("backfill", "replay");
        for (String[] summary : summaries) {
            assertThat(Integer.parseInt(summary[1])).as(summary[0] + " issues").isEqualTo(issues.size());
            assertThat(Long.parseLong(summary[2])).as(summary[0] + " pages").isEqualTo(expectedPages);
            assertThat(Long.parseLong(summary[3])).as(summary[0] + " articles").isEqualTo(expectedArticles);
            double s = Double.parseDouble(summary[4]);
            double e = Double.parseDouble(summary[5]);
            assertThat(s).isPositive();
            assertThat(e).isPositive();
            // S and E are printed to 0.1 s, the ratio from the unrounded values
            assertThat(Double.parseDouble(summary[6])).isBetween((s - 0.05) / (e + 0.05) - 0.005,
                    (s + 0.05) / (e - 0.05) + 0.005);
        }
        assertThat(out.resolve("articles-searchable.png")).isNotEmptyFile();
        assertThat(out.resolve("report.txt")).content().contains("backfill: 3 issues", "start-up to ready",
                "peak consumer lag: ", "parser-service       peak RSS");
    }

}
