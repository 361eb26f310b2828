package parkworld.pipeline.benchmarks.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTests {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static Sample sample(double seconds, long searchable, Map<String, Long> lag, Map<String, Long> rss,
            Map<String, Long> heap) {
        return new Sample(seconds, searchable, lag, rss, heap);
    }

    private static PhaseResult phase(List<Sample> samples) {
        // fetched from T0 to T0+10 s, parsed until T0+40 s, searchable at T0+50 s
        return new PhaseResult("backfill", 30, 600, 1200, T0.minusSeconds(2), T0, T0.plusSeconds(10),
                T0.plusSeconds(40), T0.plusSeconds(50), samples);
    }

    @Test
    void ratesAreItemsOverTheWindowInSeconds() {
        assertThat(Figures.rate(600, T0, T0.plusSeconds(50))).isEqualTo(12.0);
        assertThat(Figures.rate(1, T0, T0.plusMillis(250))).isEqualTo(4.0);
    }

    @Test
    void aWindowOfNoTimeDoesNotDivideByZero() {
        assertThat(Figures.rate(5, T0, T0)).isEqualTo(5000.0);
    }

    @Test
    void peakLagIsTheHighestEachGroupShowedInAnySample() {
        List<Sample> samples = List.of(
                sample(1, 0, Map.of("parkworld-parser", 3L, "parkworld-indexer-v2", 40L), Map.of(), Map.of()),
                sample(2, 10, Map.of("parkworld-parser", 7L), Map.of(), Map.of()),
                sample(3, 20, Map.of("parkworld-parser", 1L, "parkworld-indexer-v2", 12L), Map.of(), Map.of()));

        assertThat(Figures.peakLag(samples)).containsExactly(Map.entry("parkworld-indexer-v2", 40L),
                Map.entry("parkworld-parser", 7L));
        assertThat(Figures.lagLine(phase(samples)))
            .isEqualTo("  peak consumer lag: parkworld-indexer-v2 40, parkworld-parser 7");
    }

    @Test
    void sStartsAtTheFirstIssueFetchedNotAtTheRequest() {
        PhaseResult phase = phase(List.of());

        assertThat(phase.seconds()).isEqualTo(50.0);
        assertThat(Figures.summaryLine(phase, 20.0)).isEqualTo(
                "backfill: 30 issues, 600 pages, 1200 articles in 50.0 s; extraction alone 20.0 s; ratio 2.50");
    }

    @Test
    void eachStageIsRatedUpToItsOwnLastOutput() {
        List<String> lines = Figures.stageLines(phase(List.of()));

        assertThat(lines).hasSize(3);
        // ingest: 30 issues in 10 s; parser: in 40 s; indexer: in 50 s
        assertThat(lines.get(0)).startsWith("  ingest ").contains("  3.00 issues/s", "   60.0 pages/s",
                "  120.0 articles/s");
        assertThat(lines.get(1)).startsWith("  parser ").contains("  0.75 issues/s", "   15.0 pages/s");
        assertThat(lines.get(2)).startsWith("  indexer").contains("  0.60 issues/s", "   24.0 articles/s");
    }

    @Test
    void memoryLinesShowEachProcesssPeakRssAndHeapWhereThereIsOne() {
        long mib = 1024 * 1024;
        List<Sample> samples = List.of(
                sample(1, 0, Map.of(), Map.of("parser-service", 200 * mib, "kafka", 400 * mib),
                        Map.of("parser-service", 90 * mib)),
                sample(2, 0, Map.of(), Map.of("parser-service", 250 * mib, "kafka", 390 * mib),
                        Map.of("parser-service", 60 * mib)));

        assertThat(Figures.memoryLines(phase(samples))).containsExactly(
                "  kafka                peak RSS    400 MiB",
                "  parser-service       peak RSS    250 MiB, peak heap used    90 MiB");
    }
}
