package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class SettleDeadlineTests {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private static final Path INGEST_CONFIGURATION = Path.of("..", "ingest-service", "src", "main", "resources",
            "application.yml");

    @Test
    void givesUpOnlyAfterTheProgressStayedUnchangedLongerThanTheLimit() {
        SettleDeadline deadline = new SettleDeadline(Duration.ofMinutes(12), Duration.ofMinutes(1), START);
        deadline.observe("fetched 0 of 1", START);

        assertThat(deadline.expired(START.plus(Duration.ofMinutes(12)))).as("at the limit").isFalse();
        assertThat(deadline.expired(START.plus(Duration.ofMinutes(12)).plusSeconds(1))).as("past it").isTrue();
    }

    @Test
    void aRunThatKeepsProgressingIsNeverCutOffWhateverItsTotalDuration() {
        SettleDeadline deadline = new SettleDeadline(Duration.ofMinutes(12), Duration.ofMinutes(1), START);
        Instant now = START;
        for (int issue = 1; issue <= 10; issue++) {
            now = now.plus(Duration.ofMinutes(5));
            assertThat(deadline.observe("indexed " + issue + " of 10", now)).as("issue %d changes the progress", issue)
                .isTrue();
            assertThat(deadline.expired(now)).as("after %d min in all", issue * 5).isFalse();
        }
        assertThat(deadline.unchangedFor(now.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theSameProgressLineAgainIsNoChange() {
        SettleDeadline deadline = new SettleDeadline(Duration.ofMinutes(1), Duration.ofMinutes(1), START);

        assertThat(deadline.observe("fetched 0 of 1", START)).as("the first line").isTrue();
        assertThat(deadline.observe("fetched 0 of 1", START.plusSeconds(50))).as("the same line").isFalse();
        assertThat(deadline.expired(START.plusSeconds(61))).as("measured from the first time it was seen").isTrue();
    }

    @Test
    void remindsOncePerMinuteUnchangedAndStartsCountingAgainAfterAChange() {
        SettleDeadline deadline = new SettleDeadline(Duration.ofMinutes(12), Duration.ofMinutes(1), START);
        deadline.observe("fetched 0 of 1", START);

        assertThat(deadline.reminderDue(START.plusSeconds(59))).as("before a minute").isFalse();
        assertThat(deadline.reminderDue(START.plusSeconds(60))).as("at a minute").isTrue();
        assertThat(deadline.reminderDue(START.plusSeconds(61))).as("again in the same minute").isFalse();
        assertThat(deadline.reminderDue(START.plusSeconds(120))).as("at two minutes").isTrue();

        deadline.observe("fetched 1 of 1", START.plusSeconds(150));
        assertThat(deadline.reminderDue(START.plusSeconds(180))).as("half a minute after the change").isFalse();
        assertThat(deadline.reminderDue(START.plusSeconds(210))).as("a minute after the change").isTrue();
    }

    @Test
    void waitsLongerThanIngestsDocumentDeadlineSoACutOffDownloadIsReportedByIngest() throws IOException {
        Duration documentDeadline = documentDeadline();

        assertThat(SettleDeadline.QUIET_LIMIT)
            .as("the run command's quiet limit against ingest's parkworld.ingest.crawler.document-deadline in "
                    + INGEST_CONFIGURATION)
            .isGreaterThan(documentDeadline.plusMinutes(1));
    }

    @SuppressWarnings("unchecked")
    private static Duration documentDeadline() throws IOException {
        try (Reader reader = Files.newBufferedReader(INGEST_CONFIGURATION)) {
            Map<String, Object> root = new Yaml().load(reader);
            Map<String, Object> crawler = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) root
                .get("parkworld")).get("ingest")).get("crawler");
            String value = String.valueOf(crawler.get("document-deadline"));
            assertThat(value).as("document-deadline in minutes, as it is written today").matches("\\d+m");
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
    }
}
