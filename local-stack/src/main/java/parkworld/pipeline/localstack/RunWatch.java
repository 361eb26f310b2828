package parkworld.pipeline.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The child processes a run depends on (Kafka, Elasticsearch, each service instance), watched while it runs: one of
 * them that dies (killed, out of memory, its data deleted under it) must end the run with a message saying which,
 * not leave it printing "Still running" over a pipeline that no longer works.
 */
final class RunWatch {

    private record Watched(BooleanSupplier alive, Path log) {
    }

    private final Map<String, Watched> watched = new LinkedHashMap<>();

    /** Watches {@code name} from now on; {@code log} is where to look when it died. */
    void watch(String name, BooleanSupplier alive, Path log) {
        this.watched.put(name, new Watched(alive, log));
    }

    /** One line per watched process that is no longer alive, e.g. {@code Kafka stopped unexpectedly; see <log>}. */
    List<String> stopped() {
        List<String> lines = new ArrayList<>();
        this.watched.forEach((name, process) -> {
            if (!process.alive().getAsBoolean()) {
                lines.add(name + " stopped unexpectedly; see " + process.log());
            }
        });
        return lines;
    }
}
