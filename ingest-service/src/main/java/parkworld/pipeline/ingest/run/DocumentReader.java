package parkworld.pipeline.ingest.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

/** Reads a discovered document, from the web through the polite client or from a local file. */
public final class DocumentReader {

    private final PoliteHttpClient http;
    private final long maxDocumentBytes;

    public DocumentReader(PoliteHttpClient http, long maxDocumentBytes) {
        this.http = http;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * @return the document's bytes, never empty: an empty document is no issue, and the contract's
     *         {@code IssueFetched.sizeBytes} is at least 1, so it is refused here ({@code EMPTY}) rather than
     *         announced
     */
    public byte[] read(URI uri) throws FetchException, InterruptedException {
        byte[] content = readAll(uri);
        if (content.length == 0) {
            throw new FetchException(uri, "EMPTY", "the document is empty (0 bytes)");
        }
        return content;
    }

    private byte[] readAll(URI uri) throws FetchException, InterruptedException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path path = Path.of(uri);
            try {
                if (Files.size(path) > this.maxDocumentBytes) {
                    throw new FetchException(uri, "TOO_LARGE",
                            "file exceeds parkworld.ingest.crawler.max-document-size (" + this.maxDocumentBytes + " bytes)");
                }
                return Files.readAllBytes(path);
            }
            catch (IOException ex) {
                throw new FetchException(uri, "IO_ERROR", "cannot read file: " + ex, ex);
            }
        }
        return this.http.get(uri);
    }
}
