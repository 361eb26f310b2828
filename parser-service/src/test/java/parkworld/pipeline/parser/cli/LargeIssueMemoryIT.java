package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.parser.fixtures.IssuePdf;
import parkworld.pipeline.parser.pdf.HostilePdfs;

/**
 * A 500-page issue in a JVM with a 256 MB heap: refused with a reason under the default page limit, and parsed
 * whole when the limit allows it, never by running out of memory. A 40 KB PDF drawing 20 million glyphs on one page,
 * which PDFBox alone cannot hold in that heap, is refused with a reason too.
 */
class LargeIssueMemoryIT {

    private static final Path JAR = Path.of("target", "parser-service.jar");
    private static final int PAGES = 500;
    private static final int TOC_ENTRIES = 15;
    private static final String WORDS = "新能源汽车光伏储能电池半导体生物医药航空航天人工智能数字经济化工材料装备制造物流金融食品园区产业基地中心研发总部";

    @TempDir
    static Path dir;

    static Path pdf;

    @BeforeAll
    static void writeLargeIssue() throws Exception {
        IssuePdf issue = IssuePdf.issue(200, "2024年3月2期").toc(toc -> {
            toc.section("一、招商引资", 1);
            for (int page = 1; page <= TOC_ENTRIES; page++) {
                toc.title("●" + title(page), page);
            }
        });
        for (int page = 1; page <= PAGES; page++) {
            int number = page;
            issue.page(p -> {
                p.header("园区周报 2024年3月2期");
                if (number == 1) {
                    p.section("一、招商引资");
                }
                p.title("●" + title(number))
                    .lead("3月" + (number % 28 + 1) + "日，第" + number + "号项目在苏州工业园区签约，总投资约" + number + "亿元。")
                    .body("■项目主要建设新能源汽车零部件生产基地，达产后年产值预计超过" + (number * 2) + "亿元（苏州市政府网站）。")
                    .footer(String.valueOf(number));
            });
        }
        pdf = Files.write(dir.resolve("issue-200-large.pdf"), issue.build());
    }

    @Test
    void refusesTwentyMillionGlyphsOnOnePageWithAReasonWithinA256MegabyteHeap() throws Exception {
        byte[] flood = HostilePdfs.glyphFlood(1, 20_000_000);
        assertThat(flood.length).as("size of the PDF").isLessThan(100_000);
        Path file = Files.write(dir.resolve("glyph-flood.pdf"), flood);

        Run run = parse(List.of(), file);

        assertThat(run.exit).as("exit status (stderr: %s)", run.stderr).isEqualTo(4);
        assertThat(run.stderr.strip()).contains("TOO_LARGE").contains("more glyphs than the limit of 50000 per page")
            .doesNotContain("OutOfMemoryError").hasLineCount(1);
    }

    /**
     * What the image runs the service with ({@code JAVA_TOOL_OPTIONS} of deploy/docker/Dockerfile, given the same
     * way) and a heap too small for even the glyphs the per-page limit lets through: the out-of-memory error ends the
     * JVM (HotSpot's exit status 3). Without {@code -XX:+ExitOnOutOfMemoryError} the parse command catches it and
     * refuses the PDF (exit 4) and the JVM lives on, as a service whose Kafka clients shared that heap would.
     * deploy/checks/check.mjs checks that every place starting a service gives the flag.
     */
    @Test
    void endsTheJvmWhenTheGlyphFloodExhaustsATinyHeapUnderTheImagesJvmOptions() throws Exception {
        Path file = Files.write(dir.resolve("glyph-flood-tiny-heap.pdf"), HostilePdfs.glyphFlood(1, 20_000_000));
        String imageOptions = imageJavaToolOptions();
        assertThat(imageOptions).contains("-XX:+ExitOnOutOfMemoryError");

        Run run = parse(List.of(), file, "-Xmx24m", imageOptions);

        assertThat(run.exit).as("exit status (stdout: %s, stderr: %s)", run.stdout, run.stderr).isEqualTo(3);
        assertThat(run.stdout).contains("Terminating due to java.lang.OutOfMemoryError");
        assertThat(run.stderr).doesNotContain("rejected");
    }

    /** The value of {@code ENV JAVA_TOOL_OPTIONS="..."} in the image's Dockerfile. */
    private static String imageJavaToolOptions() throws Exception {
        String dockerfile = Files.readString(Path.of("..", "deploy", "docker", "Dockerfile"), StandardCharsets.UTF_8);
        java.util.regex.Matcher env = java.util.regex.Pattern.compile("(?m)^ENV\\s+JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
            .matcher(dockerfile);
        assertThat(env.find()).as("ENV JAVA_TOOL_OPTIONS in deploy/docker/Dockerfile").isTrue();
        return env.group(1);
    }

    @Test
    void refusesIssueOverThePageLimitWithAReason() throws Exception {
        Run run = parse(List.of());

        assertThat(run.exit).as("exit status (stderr: %s)", run.stderr).isEqualTo(4);
        assertThat(run.stderr.strip()).contains("TOO_LARGE").doesNotContain("OutOfMemoryError").hasLineCount(1);
        assertThat(run.stdout).isEmpty();
    }

    @Test
    void parsesAllFiveHundredPagesWithinA256MegabyteHeap() throws Exception {
        Run run = parse(List.of("--max-pages", "600"));

        assertThat(run.exit).as("exit status (stderr: %s)", run.stderr.substring(0, Math.min(2000, run.stderr.length())))
            .isZero();
        assertThat(run.stdout.lines().count()).as("events printed, one per article (stderr: %s)",
                run.stderr.substring(0, Math.min(2000, run.stderr.length()))).isEqualTo(PAGES);
        assertThat(run.stderr).doesNotContain("OutOfMemoryError");
    }

    // Titles must differ in more than their digits, or they would look like a running header repeated on every page.
    private static String title(int number) {
        Random random = new Random(number);
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            title.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return title.append("项目签约落地").toString();
    }

    private static Run parse(List<String> options) throws Exception {
        return parse(options, pdf);
    }

    private static Run parse(List<String> options, Path pdf) throws Exception {
        return parse(options, pdf, "-Xmx256m", null);
    }

    /** @param javaToolOptions given as the environment variable, as the image does; null for none */
    private static Run parse(List<String> options, Path pdf, String heap, String javaToolOptions) throws Exception {
        assertThat(JAR).as("the packaged service (run with mvn verify)").isRegularFile();
        Path stdout = dir.resolve("stdout-" + options.size() + "-" + pdf.getFileName() + ".txt");
        Path stderr = dir.resolve("stderr-" + options.size() + "-" + pdf.getFileName() + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-jar", JAR.toAbsolutePath().toString(), "parse"));
        command.addAll(options);
        command.add(pdf.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaToolOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("parse of a " + PAGES + "-page issue did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stdout, String stderr) {
    }
}
