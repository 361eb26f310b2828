package parkworld.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTests {

    @Test
    void findsMetricsButNotFunctionsLabelsRangesOrKeywords() {
        String expression = """
                sum by (service, reason) (increase(parkworld_dead_letters_total{reason=~"NOT_PDF|x_total"}[15m])) > 0
                or sum by (service) (parkworld_parser_issues_total unless parkworld_parser_issues_total offset 1h) > 0
                and on (service, spring_id) delta(parkworld:consumer_lag:sum[30m]) >= 0
                """;

        assertThat(PromQl.metricNames(expression))
            .containsExactly("parkworld:consumer_lag:sum", "parkworld_dead_letters_total", "parkworld_parser_issues_total");
    }

    @Test
    void findsMetricsInsideGrafanaRateIntervals() {
        assertThat(PromQl.metricNames("sum(rate(parkworld_parser_articles_total[$__rate_interval])) * 60"))
            .containsExactly("parkworld_parser_articles_total");
    }

    @Test
    void findsAMetricSelectedOnlyByItsLabelsName() {
        assertThat(PromQl.metricNames("absent(process_uptime_seconds{service=\"parser-service\"})"))
            .containsExactly("process_uptime_seconds");
    }
}
