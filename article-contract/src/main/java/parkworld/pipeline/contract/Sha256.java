package parkworld.pipeline.contract;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the contract writes it ({@code sha256} fields, article ids, fallback issue keys): lowercase hex. */
public final class Sha256 {

    private Sha256() {
    }

    /** The lowercase hex SHA-256 of {@code content}. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    /** A fresh digest, for hashing a stream without holding it in memory; format the result with {@link HexFormat}. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
