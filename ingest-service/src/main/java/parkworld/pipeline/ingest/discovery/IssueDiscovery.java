package parkworld.pipeline.ingest.discovery;

import java.io.IOException;
import java.util.List;

/** Finds the issue PDFs a source currently offers. */
public interface IssueDiscovery {

    /** The issues found, oldest first where the source tells, without duplicates. */
    List<IssueLink> discover() throws IOException, InterruptedException;
}
