package parkworld.pipeline.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 names of blobs: lowercase hex, 64 characters. */
final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    /** @throws IllegalArgumentException unless {@code sha256} is a lowercase hex SHA-256 */
    static String require(String sha256) {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return sha256;
    }

    static boolean isBlobName(String name) {
        return name.endsWith(BlobNames.SUFFIX)
                && HEX.matcher(name.substring(0, name.length() - BlobNames.SUFFIX.length())).matches();
    }
}
