package parkworld.pipeline.parser.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.DeadLetterHeaders;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.parser.pdf.HostilePdfs;
import parkworld.pipeline.parser.pdf.TestPdfs;
import parkworld.pipeline.parser.pipeline.GeneratedIssues;
import parkworld.pipeline.parser.pipeline.ParseWorkers;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * Hostile PDFs through the service's real path on a real broker: each is dead-lettered with its reason, no parse
 * thread is left running, readiness is back up and the consumer goes on with the next issue. Forms are not capped
 * here (max-forms-per-page at its maximum) so that only the in-page time limit can stop the 10^8-form page. The limit
 * is 15 s, not less: on a loaded 2-core machine the other PDFs (a first parse in a cold JVM, a 20,000-kid page tree
 * to load) took more than 3 s and were refused TIMEOUT instead of their own reason; the 10^8 forms take hours.
 */
@SpringBootTest(properties = { "server.port=0", "parkworld.parser.time-limit=15s",
        "parkworld.parser.max-forms-per-page=2147483647" })
class HostilePdfsIT {

    static final ParserTopics TOPICS = ParserTopics.unique("it.hostile");
    static final String FETCHED = TOPICS.fetched();
    static final String ARTICLES = TOPICS.articles();
    static final String PARSED = TOPICS.parsed();
    static final String DEAD_LETTER = TOPICS.deadLetter();

    @TempDir
    static Path blobs;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("parkworld.parser.blob-store.location", () -> blobs.toUri().toString());
        TOPICS.register(registry);
    }

    private final KafkaTopics kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());

    @Autowired
    MeterRegistry meters;

    @Autowired
    ParseWorkers parseWorkers;

    @Autowired
    @Qualifier("parseWorkersHealthIndicator")
    HealthIndicator parseWorkersHealth;

    @Test
    void deadLettersEveryHostilePdfWithItsReasonLeavesNoThreadRunningAndGoesOn() throws Exception {
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("forms-ten-to-the-eight", HostilePdfs.nestedForms(8, 10));
        hostile.put("forms-nested-twenty-deep", HostilePdfs.nestedForms(20, 1));
        hostile.put("twenty-million-glyphs", HostilePdfs.glyphFlood(1, 20_000_000));
        hostile.put("page-tree-lying-count", HostilePdfs.pageTreeDeclaringOnePage(20_000));
        Map<String, String> expectedReasons = Map.of("forms-ten-to-the-eight", "TIMEOUT", "forms-nested-twenty-deep",
                "TOO_LARGE", "twenty-million-glyphs", "TOO_LARGE", "page-tree-lying-count", "TOO_LARGE");
        for (Map.Entry<String, byte[]> pdf : hostile.entrySet()) {
            send(pdf.getKey(), Files.write(blobs.resolve(pdf.getKey() + ".pdf"), pdf.getValue()));
        }
        // a title whose font maps one glyph to an ANSI escape, a forged log line and a bidi override
        String forged = "\u001b[2K\r\nINFO [issue-121] forged\u202e";
        // (落 is in every title of the generated issue, and nowhere else)
        send("issue-forged-title", Files.write(blobs.resolve("issue-forged-title.pdf"), HostilePdfs
            .withToUnicodeOnEveryFont(GeneratedIssues.issue(3, 0, false), Map.of('落', forged + "落"))));
        send("issue-121-after-hostile", Files.write(blobs.resolve("issue-121-after-hostile.pdf"), TestPdfs.issue121()));

        List<KafkaTopics.Received> dead = this.kafka.readUntil(DEAD_LETTER,
                records -> records.stream().filter(r -> hostile.containsKey(r.key())).count() >= hostile.size(),
                Duration.ofSeconds(120)).stream().filter(r -> hostile.containsKey(r.key())).toList();

        assertThat(dead).hasSize(hostile.size()).allSatisfy(r -> assertThat(r.headers().get(DeadLetterHeaders.REASON))
            .as("reason of " + r.key() + ": " + r.headers().get(DeadLetterHeaders.MESSAGE))
            .isEqualTo(expectedReasons.get(r.key())));
        assertThat(messageOf(dead, "forms-nested-twenty-deep")).contains("nests form XObjects deeper than the limit of 12");
        assertThat(messageOf(dead, "twenty-million-glyphs")).contains("more glyphs than the limit of 50000 per page");
        assertThat(messageOf(dead, "page-tree-lying-count")).contains("more than 300 (its page tree declares 1) pages");

        List<ArticleExtracted> forgedTitle = articlesOf(this.kafka.readUntil(ARTICLES,
                records -> articlesOf(records, "issue-forged-title.pdf").size() >= 3, Duration.ofSeconds(60)),
                "issue-forged-title.pdf");
        assertThat(forgedTitle).hasSize(3).allSatisfy(article -> assertThat(article.title())
            .as("title of article " + article.ordinal()).contains("INFO [issue-121] forged落地")
            .doesNotContain("\u001b", "\r", "\n", "\u202e")
            .startsWith(GeneratedIssues.title(article.ordinal()).substring(0, 10)));
        List<ArticleExtracted> after = articlesOf(this.kafka.readUntil(ARTICLES,
                records -> articlesOf(records, "issue-121-after-hostile.pdf").size() >= 43, Duration.ofSeconds(90)),
                "issue-121-after-hostile.pdf");
        assertThat(after).as("articles of the fixture sent after the hostile PDFs").hasSize(43);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
            .until(() -> this.parseWorkers.busy() == 0 && this.parseWorkers.abandonedStillRunning().isEmpty());
        assertThat(this.parseWorkersHealth.health().getStatus()).as("readiness of the parse threads")
            .isEqualTo(Status.UP);
        assertThat(Thread.getAllStackTraces().keySet()).as("threads still in PDFBox")
            .noneMatch(thread -> Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("org.apache.pdfbox")));
        assertThat(this.meters.counter(PipelineMeters.DEAD_LETTERS, PipelineMeters.TAG_REASON, "TOO_LARGE"
).count()).isGreaterThanOrEqualTo(3);
    }

    private static String messageOf(List<KafkaTopics.Received> dead, String key) {
        return dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow().headers()
            .get(DeadLetterHeaders.MESSAGE);
    }

    private static List<ArticleExtracted> articlesOf(List<KafkaTopics.Received> records, String pdfName) {
        return records.stream()
            .map(r -> EventJson.read(r.value(), ArticleExtracted.class))
            .filter(a -> a.issue().sourceUrl().endsWith(pdfName))
            .toList();
    }

    private void send(String key, Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        byte[] event = EventJson.write(new IssueFetched(1, key, pdf.toUri().toString(),
                "http://127.0.0.1/" + pdf.getFileName(), sha, bytes.length, Instant.now()));
        this.kafka.send(FETCHED, key, event, Map.of());
    }
}
