package parkworld.pipeline.ingest.run;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

/** Reads a discovered document, from the web through the polite client or from a local file. */
public final class DocumentReader {

    /** Reasons for which a document was read but is no issue: recorded as rejected, never announced. */
    static final Set<String> REJECTION_REASONS = Set.of("EMPTY", "NOT_PDF", "TRUNCATED");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /**
     * Where the {@code %PDF-} header may start: readers accept some bytes of junk before it (Acrobat looks within
     * the first 1,024), an HTML error page has none at all.
     */
    private static final int PDF_MAGIC_WITHIN = 1024;

    private final PoliteHttpClient http;
    private final long maxDocumentBytes;

    public DocumentReader(PoliteHttpClient http, long maxDocumentBytes) {
        this.http = http;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * @return the document's bytes: a PDF, complete. An empty document is no issue, and the contract's
     *         {@code IssueFetched.sizeBytes} is at least 1, so it is refused here ({@code EMPTY}) rather than
     *         announced; so are bytes that are no PDF ({@code NOT_PDF}: an HTML error page served as
     *         {@code .pdf}) and a body shorter than its {@code Content-Length} ({@code TRUNCATED})
     */
    public byte[] read(URI uri) throws FetchException, InterruptedException {
        byte[] content = readAll(uri);
        if (content.length == 0) {
            throw new FetchException(uri, "EMPTY", "the document is empty (0 bytes)");
        }
        if (!startsLikeAPdf(content)) {
            throw new FetchException(uri, "NOT_PDF", "no %PDF- header in the first " + PDF_MAGIC_WITHIN
                    + " bytes: not a PDF (" + content.length + " bytes, starting " + describeStart(content) + ")");
        }
        return content;
    }

    private static boolean startsLikeAPdf(byte[] content) {
        int last = Math.min(content.length, PDF_MAGIC_WITHIN) - PDF_MAGIC.length;
        outer: for (int start = 0; start <= last; start++) {
            for (int i = 0; i < PDF_MAGIC.length; i++) {
                if (content[start + i] != PDF_MAGIC[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The first bytes as printable ASCII, so a log line says what came instead (e.g. {@code <!DOCTYPE html>}). */
    private static String describeStart(byte[] content) {
        StringBuilder start = new StringBuilder("\"");
        for (int i = 0; i < Math.min(content.length, 16); i++) {
            int b = content[i] & 0xFF;
            start.append(b >= 0x20 && b < 0x7F && b != '"' ? String.valueOf((char) b) : ".");
        }
        return start.append('"').toString();
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
