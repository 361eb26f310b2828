package parkworld.pipeline.ingest.fetch;

import java.nio.charset.StandardCharsets;

/**
 * What counts as the start of a PDF, the one rule for a downloaded document ({@code run.DocumentReader}) and for a
 * source URL that turns out to be a PDF rather than a listing page ({@link PoliteHttpClient#fetchPage}).
 */
public final class PdfHead {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /**
     * Where the {@code %PDF-} header may start: readers accept some bytes of junk before it (Acrobat looks within
     * the first 1,024), an HTML error page has none at all.
     */
    public static final int WITHIN = HeadCheck.HEAD_BYTES;

    private PdfHead() {
    }

    /** Whether {@code %PDF-} starts within the first {@link #WITHIN} of the {@code length} valid bytes of {@code head}. */
    public static boolean startsLikeAPdf(byte[] head, int length) {
        int last = Math.min(Math.min(length, head.length), WITHIN) - PDF_MAGIC.length;
        outer: for (int start = 0; start <= last; start++) {
            for (int i = 0; i < PDF_MAGIC.length; i++) {
                if (head[start + i] != PDF_MAGIC[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
