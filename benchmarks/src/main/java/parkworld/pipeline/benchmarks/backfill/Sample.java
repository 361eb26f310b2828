package parkworld.pipeline.benchmarks.backfill;

import java.util.Map;

/**
 * What the harness saw at one instant of a phase.
 *
 * @param seconds    since the phase's operator request
 * @param searchable articles of this phase searchable in Elasticsearch
 * @param lag        consumer group to records not yet consumed (end offsets minus committed offsets)
 * @param rssBytes   process (service name, {@code -2} for a second instance) to resident set size
 * @param heapBytes  service process to {@code jvm.memory.used} in the heap area, from its actuator
 */
record Sample(double seconds, long searchable, Map<String, Long> lag, Map<String, Long> rssBytes,
        Map<String, Long> heapBytes) {

    Sample {
        lag = Map.copyOf(lag);
        rssBytes = Map.copyOf(rssBytes);
        heapBytes = Map.copyOf(heapBytes);
    }
}
