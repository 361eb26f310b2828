package parkworld.pipeline.ingest.fetch;

import java.net.URI;

/** What a conditional GET of a document gave: the document, or word that it has not changed. */
public sealed interface DocumentFetch {

    /** The document was sent (it changed, or no validators were known). Close it. */
    record Fetched(FetchedDocument document) implements DocumentFetch {
    }

    /**
     * The server answered 304 Not Modified to the validators sent: nothing was downloaded.
     *
     * @param uri where it was asked, after redirects
     */
    record NotModified(URI uri) implements DocumentFetch {
    }
}
