package parkworld.pipeline.parser.publish;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import parkworld.pipeline.contract.Sha256;

/**
 * Gives articles stable ids: {@code <serial>-<12 hex of SHA-256 of the normalised title>}, with {@code -2},
 * {@code -3}... for a title repeated within the issue. Normalising (NFKC, no whitespace, lowercase) makes the id
 * independent of the PDF producer's spacing and of full- versus half-width characters, so re-parsing an issue
 * rendered differently overwrites rather than duplicates.
 */
public final class ArticleIds {

    // compiled once: String.replaceAll compiles its pattern on every call, once per article here
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int serial;
    private final Map<String, Integer> seen = new HashMap<>();

    public ArticleIds(int serial) {
        this.serial = serial;
    }

    /** The id of the next article with this title, in issue order. */
    public String next(String title) {
        String hash = hash(normalise(title));
        int occurrence = this.seen.merge(hash, 1, Integer::sum);
        String id = this.serial + "-" + hash;
        return occurrence == 1 ? id : id + "-" + occurrence;
    }

    static String normalise(String title) {
        return WHITESPACE.matcher(Normalizer.normalize(title, Normalizer.Form.NFKC)).replaceAll("")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String hash(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }
}
