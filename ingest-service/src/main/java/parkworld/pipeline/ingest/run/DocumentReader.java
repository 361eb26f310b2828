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

    public byte[] read(URI uri) throws FetchException, InterruptedException {
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
