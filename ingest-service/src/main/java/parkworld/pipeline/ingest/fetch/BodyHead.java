package parkworld.pipeline.ingest.fetch;

import java.net.URI;

/**
 * The first {@link HeadCheck#HEAD_BYTES} of a body, gathered from the chunks it arrives in, for a {@link HeadCheck}:
 * the one way a download ({@link PoliteHttpClient}) and a copied local file ({@code run.DocumentReader}) collect it.
 */
public final class BodyHead {

    private final byte[] bytes = new byte[HeadCheck.HEAD_BYTES];
    private int length;

    /**
     * Keeps what of this chunk still belongs to the head (nothing once the head is complete).
     *
     * @return whether the head is complete: {@link HeadCheck#HEAD_BYTES} bytes kept
     */
    public boolean take(byte[] chunk, int n) {
        int take = Math.min(n, this.bytes.length - this.length);
        System.arraycopy(chunk, 0, this.bytes, this.length, take);
        this.length += take;
        return this.length == this.bytes.length;
    }

    /** Runs the check on what was kept: all of the head, or the whole of a shorter body. */
    public void check(URI uri, HeadCheck check) throws FetchException {
        check.check(uri, this.bytes, this.length);
    }
}
