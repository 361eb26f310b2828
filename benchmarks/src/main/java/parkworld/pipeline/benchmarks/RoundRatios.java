package parkworld.pipeline.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times of two operations measured in the same rounds, and the ratio of the first to the second per round. The
 * median of per-round ratios is what survives a machine whose speed drifts (2 vCPUs shared with other work): both
 * operations of a round see the same conditions, where a median of each operation's own times compares different
 * minutes. Not thread-safe.
 */
final class RoundRatios {

    private final List<double[]> rounds = new ArrayList<>();

    /** Records one round: the measured operation's time and the baseline's, in any one unit. */
    void add(double measured, double baseline) {
        if (!(measured > 0) || !(baseline > 0)) {
            throw new IllegalArgumentException("times must be positive: " + measured + ", " + baseline);
        }
        this.rounds.add(new double[] { measured, baseline });
    }

    int size() {
        return this.rounds.size();
    }

    double medianRatio() {
        return median(this.rounds.stream().mapToDouble(r -> r[0] / r[1]).toArray());
    }

    double minRatio() {
        return this.rounds.stream().mapToDouble(r -> r[0] / r[1]).min().orElseThrow();
    }

    double maxRatio() {
        return this.rounds.stream().mapToDouble(r -> r[0] / r[1]).max().orElseThrow();
    }

    double medianMeasured() {
        return median(this.rounds.stream().mapToDouble(r -> r[0]).toArray());
    }

    double medianBaseline() {
        return median(this.rounds.stream().mapToDouble(r -> r[1]).toArray());
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalStateException("no rounds recorded");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
