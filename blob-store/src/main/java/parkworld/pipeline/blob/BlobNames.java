package parkworld.pipeline.blob;

/** How a blob is named in every store: {@code <sha256>.pdf}. */
final class BlobNames {

    static final String SUFFIX = ".pdf";

    private BlobNames() {
    }

    static String of(String sha256) {
        return Sha256.require(sha256) + SUFFIX;
    }

    /** The SHA-256 of a blob name, which {@link Sha256#isBlobName(String)} accepted. */
    static String sha256(String name) {
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
