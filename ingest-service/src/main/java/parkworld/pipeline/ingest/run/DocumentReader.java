package parkworld.pipeline.ingest.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import parkworld.pipeline.contract.Sha256;
import parkworld.pipeline.ingest.fetch.BodyHead;
import parkworld.pipeline.ingest.fetch.DocumentFetch;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.FetchedDocument;
import parkworld.pipeline.ingest.fetch.HeadCheck;
import parkworld.pipeline.ingest.fetch.PdfHead;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.fetch.Validators;

/**
 * Reads a discovered document, from the web through the polite client or from a local file, into a temporary file
 * hashed on the way: never whole in memory. What it returns is a PDF, complete; anything else is refused while it
 * arrives, and nothing of it is left behind.
 */
public final class DocumentReader {

    /** Reasons for which a document was read but is no issue: recorded as rejected, never announced. */
    static final Set<String> REJECTION_REASONS = Set.of("EMPTY", "NOT_PDF", "TRUNCATED");

    private static final int PDF_MAGIC_WITHIN = PdfHead.WITHIN;

    private static final HeadCheck LOOKS_LIKE_A_PDF = DocumentReader::checkPdfHead;

    private final PoliteHttpClient http;
    private final long maxDocumentBytes;
    private final Path downloadDirectory;

    /**
     * @param downloadDirectory where local files are copied to before they are stored (as web downloads are)
     */
    public DocumentReader(PoliteHttpClient http, long maxDocumentBytes, Path downloadDirectory) {
        this.http = http;
        this.maxDocumentBytes = maxDocumentBytes;
        this.downloadDirectory = downloadDirectory;
    }

    /**
     * @return the document, a PDF, complete, in a temporary file (close it). An empty document is no issue, and the
     *         contract's {@code IssueFetched.sizeBytes} is at least 1, so it is refused here ({@code EMPTY}) rather
     *         than announced; so are bytes that are no PDF ({@code NOT_PDF}: an HTML error page served as
     *         {@code .pdf}, refused by its first bytes) and a body shorter than its {@code Content-Length}
     *         ({@code TRUNCATED})
     */
    public FetchedDocument read(URI uri) throws FetchException, InterruptedException {
        return ((DocumentFetch.Fetched) read(uri, Validators.none())).document();
    }

    /**
     * A conditional read: with the validators of an earlier fetch, an unchanged web document is not downloaded.
     *
     * @return {@link DocumentFetch.Fetched} as {@link #read(URI)} gives, or {@link DocumentFetch.NotModified}
     */
    public DocumentFetch read(URI uri, Validators known) throws FetchException, InterruptedException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return new DocumentFetch.Fetched(refuseEmpty(uri, copyLocal(uri)));
        }
        DocumentFetch fetch = this.http.download(uri, known, LOOKS_LIKE_A_PDF);
        if (fetch instanceof DocumentFetch.Fetched fetched) {
            return new DocumentFetch.Fetched(refuseEmpty(uri, fetched.document()));
        }
        return fetch;
    }

    private static FetchedDocument refuseEmpty(URI uri, FetchedDocument document) throws FetchException {
        if (document.sizeBytes() == 0) {
            document.close();
            throw new FetchException(uri, "EMPTY", "the document is empty (0 bytes)");
        }
        return document;
    }

    private static void checkPdfHead(URI uri, byte[] head, int length) throws FetchException {
        if (length == 0 || PdfHead.startsLikeAPdf(head, length)) {
            return;
        }
        throw new FetchException(uri, "NOT_PDF", "no %PDF- header in the first " + PDF_MAGIC_WITHIN
                + " bytes: not a PDF (" + (length < PDF_MAGIC_WITHIN ? length + " bytes, " : "") + "starting "
                + describeStart(head, length) + "); download aborted");
    }

    /** The first bytes as printable ASCII, so a log line says what came instead (e.g. {@code <!DOCTYPE html>}). */
    private static String describeStart(byte[] content, int length) {
        StringBuilder start = new StringBuilder("\"");
        for (int i = 0; i < Math.min(length, 16); i++) {
            int b = content[i] & 0xFF;
            start.append(b >= 0x20 && b < 0x7F && b != '"' ? String.valueOf((char) b) : ".");
        }
        return start.append('"').toString();
    }

    /** Copies a local file to a temporary file as a download would arrive: bounded, hashed, its head checked. */
    private FetchedDocument copyLocal(URI uri) throws FetchException {
        Path path = Path.of(uri);
        Path temp = null;
        boolean complete = false;
        try {
            if (Files.size(path) > this.maxDocumentBytes) {
                throw new FetchException(uri, "TOO_LARGE",
                        "file exceeds parkworld.ingest.crawler.max-document-size (" + this.maxDocumentBytes + " bytes)");
            }
            Files.createDirectories(this.downloadDirectory);
            temp = Files.createTempFile(this.downloadDirectory, "local-", ".part");
            MessageDigest digest = Sha256.digest();
            long size = 0;
            BodyHead head = new BodyHead();
            try (InputStream in = Files.newInputStream(path);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1;) {
                    size += n;
                    if (size > this.maxDocumentBytes) {
                        throw new FetchException(uri, "TOO_LARGE", "file grew past parkworld.ingest.crawler.max-document-size");
                    }
                    head.take(buffer, n);
                    out.write(buffer, 0, n);
                }
            }
            head.check(uri, LOOKS_LIKE_A_PDF);
            FetchedDocument document = new FetchedDocument(temp, HexFormat.of().formatHex(digest.digest()), size, null, null);
            complete = true;
            return document;
        }
        catch (IOException ex) {
            throw new FetchException(uri, "IO_ERROR", "cannot read file: " + ex, ex);
        }
        finally {
            if (!complete && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                }
                catch (IOException ignored) {
                    // A .part file in the download directory; never stored.
                }
            }
        }
    }
}
