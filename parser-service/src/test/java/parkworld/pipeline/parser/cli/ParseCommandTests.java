package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.parser.pipeline.GeneratedIssues;

/** The {@code parse} command in process: what it prints where, and its exit codes. */
class ParseCommandTests {

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

    @TempDir
    static Path dir;

    private static Path fixture;

    private static Run parsedFixture;

    @BeforeAll
    static void parseFixtureOnce() throws IOException {
        fixture = dir.resolve("issue-121.pdf");
        try (InputStream in = ParseCommandTests.class.getResourceAsStream("/fixtures/issue-121.pdf")) {
            Files.copy(in, fixture);
        }
        parsedFixture = run(fixture.toString());
    }

    @Test
    void printsOneSchemaValidArticleEventPerLineOnStdout() {
        assertThat(parsedFixture.exit()).as("exit (stderr: %s)", parsedFixture.err()).isEqualTo(ExitCode.OK);
        List<String> lines = parsedFixture.out().lines().toList();
        assertThat(lines).hasSize(43);
        assertThat(lines).allSatisfy(line -> assertThat(
                EventType.ARTICLE_EXTRACTED.violations(line.getBytes(StandardCharsets.UTF_8)))
            .as("schema violations of %s", line)
            .isEmpty());
        ArticleExtracted first = EventJson.read(lines.get(0).getBytes(StandardCharsets.UTF_8), ArticleExtracted.class);
        assertThat(first.ordinal()).isEqualTo(1);
        assertThat(first.issue().serial()).isEqualTo(121);
        assertThat(first.parsedAt()).isEqualTo(NOW);
    }

    @Test
    void printsTheSummaryAsOneSchemaValidLineOnStderr() {
        List<String> lines = parsedFixture.err().lines().toList();
        assertThat(lines).hasSize(1);
        byte[] json = lines.get(0).getBytes(StandardCharsets.UTF_8);
        assertThat(EventType.ISSUE_PARSED.violations(json)).isEmpty();
        IssueParsed summary = EventJson.read(json, IssueParsed.class);
        assertThat(summary.issueKey()).isEqualTo("issue-121");
        assertThat(summary.articleIds()).hasSize(43).doesNotHaveDuplicates();
        assertThat(summary.articlesPerSection()).containsOnlyKeys("招商引资", "综合资讯", "政策法规");
    }

    @Test
    void describesTheLocalFileAsTheSourceOfTheIssue() throws Exception {
        IssueParsed summary = EventJson.read(parsedFixture.err().strip().getBytes(StandardCharsets.UTF_8),
                IssueParsed.class);
        String sha256 = HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(fixture)));
        assertThat(summary.issue().sourceUrl()).isEqualTo(fixture.toAbsolutePath().toUri().toString())
            .startsWith("file:");
        assertThat(summary.issue().sha256()).isEqualTo(sha256);
    }

    @Test
    void indentsTheSameEventsWithPretty() {
        Run pretty = run("--pretty", fixture.toString());

        assertThat(pretty.exit()).isEqualTo(ExitCode.OK);
        // each event is an object opening and closing at the start of a line
        assertThat(pretty.out().lines().filter("{"::equals)).hasSize(43);
        assertThat(pretty.out()).contains("\n  \"articleId\" : \"121-");
        assertThat(pretty.err().lines().filter("{"::equals)).hasSize(1);
    }

    @Test
    void rejectsHtmlSavedAsPdfWithOneLineReasonAndNoStackTrace() throws IOException {
        Path html = Files.writeString(dir.resolve("issue-x.pdf"),
                "<!DOCTYPE html><html><body>404 Not Found</body></html>");

        Run run = run(html.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(run.exit().status()).isEqualTo(4);
        assertThat(run.err().lines()).singleElement()
            .asString()
            .startsWith("parse: " + html + " rejected: NOT_PDF: ");
        // the reason after the path: the temporary directory's random name may itself contain "404"
        String reason = run.err().substring(("parse: " + html + " rejected: ").length());
        assertThat(reason).doesNotContain("Exception").doesNotContainPattern("\\bat [\\w.$]+\\(")
            .as("describes the file without quoting it").doesNotContain("DOCTYPE").doesNotContain("404");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void printsTheEventsOfADegradedIssueAndExitsWithItsOwnStatus() throws IOException {
        Path pdf = Files.write(dir.resolve("issue-degraded.pdf"), GeneratedIssues.degraded());

        Run run = run(pdf.toString());

        assertThat(run.exit()).as("exit (stderr: %s)", run.err()).isEqualTo(ExitCode.DEGRADED);
        assertThat(ExitCode.DEGRADED.status()).as("documented status").isEqualTo(6);
        assertThat(run.out().lines()).as("articles printed all the same").hasSize(2);
        IssueParsed summary = EventJson.read(run.err().strip().getBytes(StandardCharsets.UTF_8), IssueParsed.class);
        assertThat(summary.quality().degraded()).as("degraded").isTrue();
        assertThat(summary.quality().degradedReasons()).singleElement().asString()
            .contains("only 2 of 5 table-of-contents entries (40%)", "parkworld.parser.quality.min-toc-matched-share");
    }

    @Test
    void rejectsIssueWhoseArticlesBreakTheContractAsInvalidOutputLikeTheService() throws IOException {
        Path pdf = Files.write(dir.resolve("issue-no-sections.pdf"), GeneratedIssues.issue(5, 5, false));

        Run run = run(pdf.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(run.err().lines()).singleElement().asString()
            .startsWith("parse: " + pdf + " rejected: INVALID_OUTPUT: 5 of 5 articles break the ArticleExtracted schema");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsIssueWithMorePagesThanAllowedAsTooLarge() {
        Run run = run("--max-pages", "5", fixture.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(run.err()).startsWith("parse: " + fixture + " rejected: TOO_LARGE: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void abandonsParseThatExceedsTheTimeLimit() {
        Run run = run("--time-limit", "1ms", fixture.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(run.exit().status()).isEqualTo(5);
        assertThat(run.err().lines()).singleElement().asString().contains("TIMEOUT");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsMissingFileAsUnreadable() {
        Run run = run(dir.resolve("no-such-issue.pdf").toString());

        assertThat(run.exit()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run.exit().status()).isEqualTo(3);
        assertThat(run.err()).contains("no-such-issue.pdf: no such file");
    }

    @Test
    void reportsDirectoryAsUnreadable() {
        assertThat(run(dir.toString()).exit()).isEqualTo(ExitCode.UNREADABLE);
    }

    @Test
    void refusesUnknownOptionAsUsageError() {
        Run run = run("--fast", fixture.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.exit().status()).isEqualTo(2);
        assertThat(run.err()).startsWith("parse: Unknown option: '--fast'").contains("usage:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesCommandLineWithoutFileAsUsageError() {
        Run run = run();

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("parse: Missing required parameter: 'FILE.pdf'");
    }

    @Test
    void printsHelpWithTheServiceDefaultsOnStdout() {
        Run run = run("--help");

        assertThat(run.exit()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("usage: java -jar parser-service.jar parse").contains("(default 300)")
            .contains("(default 2m)").contains("exit status:").contains("4   input rejected");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theCliDocsWriteEachOptionAsTheHelpDoes() throws IOException {
        // CLI.md's synopsis and option table, against the generated help (both forms are accepted: see ParseOptionsTests).
        String docs = Files.readString(Path.of("CLI.md"));
        String help = run("--help").out();
        List<String> documented = java.util.regex.Pattern.compile("\\[?`?(--[a-z][a-z-]*(?:[= ][A-Z]+)?)`?\\]?")
            .matcher(docs.substring(docs.indexOf("parse ["), docs.indexOf("Options are parsed by")))
            .results().map(match -> match.group(1)).distinct().toList();

        assertThat(documented).contains("--max-pages=N", "--time-limit=D", "--pretty", "--help")
            .allSatisfy(option -> assertThat(help).contains(option));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ParseCommand command = new ParseCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        ExitCode exit = command.run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(ExitCode exit, String out, String err) {
    }
}
