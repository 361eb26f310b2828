package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMetricsTests {

    private static final String SCRAPE = """
            # HELP parkworld_dead_letters_total Records dead-lettered
            # TYPE parkworld_dead_letters_total counter
            parkworld_dead_letters_total{reason="NOT_PDF",service="parser-service"} 2.0
            parkworld_dead_letters_total{reason="ENCRYPTED",service="parser-service"} 1.0
            parkworld_dead_letters_total_created{reason="NOT_PDF",service="parser-service"} 1.7E9
            parkworld_ingest_issues_total{outcome="failed",reason="HTTP_STATUS",service="ingest-service"} 1.0
            parkworld_ingest_issues_total{outcome="failed",reason="odd, \\"quoted\\" {reason}",service="ingest-service"} 1.0
            parkworld_ingest_issues_total{outcome="published",reason="",service="ingest-service"} 3.0 1700000000000
            parkworld_parser_articles_total 43.0
            """;

    @Test
    void sumsSamplesHavingAllTheGivenLabels() {
        assertThat(ServiceMetrics.sum(SCRAPE, "parkworld_dead_letters_total", Map.of())).isEqualTo(3.0);
        assertThat(ServiceMetrics.sum(SCRAPE, "parkworld_ingest_issues_total", Map.of("outcome", "published")))
            .isEqualTo(3.0);
        assertThat(ServiceMetrics.sum(SCRAPE, "parkworld_parser_articles_total", Map.of())).isEqualTo(43.0);
    }

    @Test
    void countsPerLabelValueIgnoringLongerNamesWithTheSamePrefix() {
        assertThat(ServiceMetrics.countBy(SCRAPE, "parkworld_dead_letters_total", Map.of(), "reason"))
            .containsExactly(Map.entry("ENCRYPTED", 1L), Map.entry("NOT_PDF", 2L));
    }

    @Test
    void labelValuesWithEscapedQuotesCommasAndBracesStayWhole() {
        assertThat(ServiceMetrics.countBy(SCRAPE, "parkworld_ingest_issues_total", Map.of("outcome", "failed"), "reason"))
            .containsOnly(Map.entry("HTTP_STATUS", 1L), Map.entry("odd, \"quoted\" {reason}", 1L));
    }

    @Test
    void absentMetricCountsNothing() {
        assertThat(ServiceMetrics.sum("", "parkworld_dead_letters_total", Map.of())).isZero();
        assertThat(ServiceMetrics.countBy(SCRAPE, "parkworld_parser_failures_total", Map.of(), "reason")).isEmpty();
    }
}
