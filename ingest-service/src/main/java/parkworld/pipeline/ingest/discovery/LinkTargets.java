package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The URIs links point to, as jsoup resolved them ({@code abs:href}), made into {@link URI}s without fragment. */
final class LinkTargets {

    private LinkTargets() {
    }

    /**
     * @param absoluteUrl what {@code absUrl("href")} gave: empty when the link could not be resolved
     * @return the URI, empty for a link that is no URI at all (logged by the caller's count, never a crash)
     */
    static Optional<URI> toUri(String absoluteUrl) {
        if (absoluteUrl.isBlank()) {
            return Optional.empty();
        }
        int hash = absoluteUrl.indexOf('#');
        String withoutFragment = hash < 0 ? absoluteUrl : absoluteUrl.substring(0, hash);
        try {
            return Optional.of(new URI(quoteIllegalAscii(withoutFragment)));
        }
        catch (URISyntaxException ex) {
            return Optional.empty();
        }
    }

    /**
     * Percent-encodes the ASCII characters a URI may not contain (spaces, quotes, braces...) that pages put into
     * links anyway; non-ASCII characters stay, as {@link URI} allows them, and existing escapes are kept.
     */
    private static String quoteIllegalAscii(String url) {
        StringBuilder quoted = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
                    || c == '|' || c == '}' || c == 0x7F) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    quoted.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            else {
                quoted.append(c);
            }
        }
        return quoted.toString();
    }

    /** Path and query, percent-decoded, as the candidate URL patterns see them. */
    static String pathAndQuery(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return uri.getQuery() == null ? path : path + "?" + uri.getQuery();
    }
}
