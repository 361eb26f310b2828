package parkworld.pipeline.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import parkworld.pipeline.contract.Sha256;

/**
 * Reads a response body within bounds: no more than a size limit of bytes actually received (whatever
 * {@code Content-Length} says; nothing is sized from that header), no longer than the exchange's deadline, and
 * exactly as many bytes as the header announced, else {@code TRUNCATED}. A document streams to a temporary file
 * while it is hashed; nothing of a refused body is kept.
 */
final class BoundedBody {

    private static final int BUFFER = 64 * 1024;

    private BoundedBody() {
    }

    /**
     * Reads a small body (a listing page, a robots.txt) into memory.
     *
     * @param cutAtLimit keep the first {@code maxBytes} and ignore the rest (robots.txt, RFC 9309 2.5), instead of
     *                   refusing the body as {@code TOO_LARGE}
     */
    static byte[] toMemory(URI uri, HttpTransport.Exchange exchange, long maxBytes, boolean cutAtLimit, FetchMeters meters)
            throws FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        copy(uri, exchange, maxBytes, cutAtLimit, HeadCheck.NONE, false, out, meters);
        return out.toByteArray();
    }

    /**
     * Reads a listing page into memory, up to {@code maxBytes}; a body that starts like a PDF ({@link PdfHead}) is
     * no page: it is not read past its first bytes, whatever its size or {@code Content-Length}, so a PDF given as
     * the source URL is bounded by the document size limit when it is downloaded as a document, not by the page's.
     *
     * @return the page's bytes, or null when the body is a PDF
     */
    static byte[] pageToMemory(URI uri, HttpTransport.Exchange exchange, long maxBytes, FetchMeters meters)
            throws FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            copy(uri, exchange, maxBytes, false, BoundedBody::refusePdfAsPage, true, out, meters);
        }
        catch (PdfNotPage ex) {
            return null;
        }
        return out.toByteArray();
    }

    private static void refusePdfAsPage(URI uri, byte[] head, int length) throws FetchException {
        if (PdfHead.startsLikeAPdf(head, length)) {
            throw new PdfNotPage(uri);
        }
    }

    /** Ends the reading of a page that turned out to be a PDF; never leaves this class. */
    private static final class PdfNotPage extends FetchException {

        PdfNotPage(URI uri) {
            super(uri, "PDF", "a PDF, not a page");
        }
    }

    /**
     * Streams a document into a new temporary file in {@code directory}, hashing it.
     *
     * @throws FetchException {@code TOO_LARGE}, {@code TRUNCATED}, {@code DEADLINE}, {@code IO_ERROR}, or what the
     *                        head check refuses; the temporary file is gone then
     */
    static FetchedDocument toFile(URI uri, HttpTransport.Exchange exchange, long maxBytes, HeadCheck check, Path directory,
            FetchMeters meters) throws FetchException {
        Path file;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "download-", ".part");
        }
        catch (IOException ex) {
            throw new FetchException(uri, "IO_ERROR", "cannot create a temporary file in " + directory
                    + " (parkworld.ingest.crawler.download-directory): " + ex, ex);
        }
        boolean complete = false;
        try {
            MessageDigest digest = Sha256.digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                size = copy(uri, exchange, maxBytes, false, check, false, out, meters);
            }
            catch (IOException ex) {
                throw new FetchException(uri, "IO_ERROR", "cannot write " + file + ": " + ex, ex);
            }
            FetchedDocument document = new FetchedDocument(file, HexFormat.of().formatHex(digest.digest()), size,
                    exchange.header("ETag").orElse(null), exchange.header("Last-Modified").orElse(null));
            complete = true;
            return document;
        }
        finally {
            if (!complete) {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ignored) {
                    // A .part file in the download directory; never stored or announced.
                }
            }
        }
    }

    /**
     * @param headFirst run the head check before any size limit applies (it may end the reading early): for a page
     *                  that may be a PDF, whose size is then none of the page limit's business
     * @return the bytes received
     */
    private static long copy(URI uri, HttpTransport.Exchange exchange, long maxBytes, boolean cutAtLimit, HeadCheck check,
            boolean headFirst, OutputStream out, FetchMeters meters) throws FetchException {
        long declared = exchange.declaredLength();
        if (declared > maxBytes && !cutAtLimit && !headFirst) {
            throw tooLargeByHeader(uri, declared, maxBytes);
        }
        BodyHead head = new BodyHead();
        boolean headChecked = false;
        long total = 0;
        try {
            // Never closed here: closing the body stream of an unfinished exchange would read the rest of it.
            InputStream in = exchange.body();
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1;) {
                if (exchange.expired()) {
                    throw deadline(uri, total);
                }
                if (headFirst && !headChecked && head.take(buffer, n)) {
                    head.check(uri, check);
                    headChecked = true;
                    if (declared > maxBytes) {
                        meters.bytes(uri, n);
                        throw tooLargeByHeader(uri, declared, maxBytes);
                    }
                }
                if (total + n > maxBytes) {
                    if (cutAtLimit) {
                        out.write(buffer, 0, (int) (maxBytes - total));
                        total = maxBytes;
                        meters.bytes(uri, n);
                        return total;
                    }
                    meters.bytes(uri, n);
                    throw new FetchException(uri, "TOO_LARGE", "more than parkworld.ingest.crawler.max-document-size ("
                            + maxBytes + " bytes) arrived; download aborted");
                }
                total += n;
                meters.bytes(uri, n);
                if (!headChecked && !headFirst && head.take(buffer, n)) {
                    head.check(uri, check);
                    headChecked = true;
                }
                out.write(buffer, 0, n);
            }
            exchange.readToEnd();
        }
        catch (IOException ex) {
            if (exchange.expired()) {
                throw deadline(uri, total);
            }
            if (declared > total) {
                // The connection ended before the announced length: half a document, never to be stored.
                throw truncated(uri, declared, total);
            }
            throw new FetchException(uri, "IO_ERROR", "reading the body failed after " + total + " bytes: " + ex, ex);
        }
        if (declared >= 0 && total < declared) {
            throw truncated(uri, declared, total);
        }
        if (!headChecked) {
            head.check(uri, check);
        }
        return total;
    }

    private static FetchException tooLargeByHeader(URI uri, long declared, long maxBytes) {
        return new FetchException(uri, "TOO_LARGE", "Content-Length " + declared + " exceeds the limit of "
                + maxBytes + " bytes (parkworld.ingest.crawler.max-document-size, max-page-size for a listing page); "
                + "nothing downloaded");
    }

    private static FetchException deadline(URI uri, long received) {
        return new FetchException(uri, "DEADLINE", "not received within parkworld.ingest.crawler.document-deadline ("
                + received + " bytes arrived); download aborted");
    }

    private static FetchException truncated(URI uri, long declared, long received) {
        return new FetchException(uri, "TRUNCATED",
                "received " + received + " of the " + declared + " bytes its Content-Length announced");
    }
}
