package parkworld.pipeline.ingest.discovery;

import java.io.IOException;
import java.util.List;

/** Finds the issue documents a source currently offers. */
public interface IssueDiscovery {

    /**
     * The issues found, in the order the source lists them, without duplicates, and what could not be read.
     *
     * @throws IOException when nothing of the source could be read (no listing page, no folder)
     */
    Discovered discover() throws IOException, InterruptedException;

    /**
     * @param links    the candidate issues
     * @param problems what was found wrong on the way, one line each with a reason code (a listing page that could
     *                 not be fetched, a pagination that loops, a listing cut at its maximum depth)
     */
    record Discovered(List<IssueLink> links, List<String> problems) {

        public Discovered {
            links = List.copyOf(links);
            problems = List.copyOf(problems);
        }

        public static Discovered of(List<IssueLink> links) {
            return new Discovered(links, List.of());
        }
    }
}
