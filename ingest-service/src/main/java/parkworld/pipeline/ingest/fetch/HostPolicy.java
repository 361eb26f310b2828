package parkworld.pipeline.ingest.fetch;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The origins (scheme, host and port) the crawler may contact. Anything else, including a redirect to another host
 * or to another port of an allowed host, is refused, so a compromised or misconfigured listing page cannot send the
 * crawler across the internet or to a service next to the site.
 *
 * <p>A configured entry is either a bare host name ({@code www.parkworld.net}: that host over {@code http} on port 80
 * and {@code https} on port 443, so an upgrade to https is followed) or an origin with its port
 * ({@code http://127.0.0.1:8080}: exactly that).
 */
public final class HostPolicy {

    private final Set<String> origins;

    /** @param allowedHosts bare host names or {@code scheme://host[:port]} origins */
    public HostPolicy(Collection<String> allowedHosts) {
        this(allowedHosts, Set.of());
    }

    /**
     * @param allowedHosts bare host names or {@code scheme://host[:port]} origins
     * @param pages        pages whose exact origin is allowed too (the listing pages), and their hosts on the default
     *                     ports
     */
    public HostPolicy(Collection<String> allowedHosts, Collection<URI> pages) {
        Set<String> all = new LinkedHashSet<>();
        for (String entry : allowedHosts) {
            String trimmed = entry.trim();
            if (trimmed.contains("://")) {
                URI origin = URI.create(trimmed);
                if (origin.getHost() == null || !isWebScheme(origin.getScheme())) {
                    throw new IllegalArgumentException("parkworld.ingest.crawler.allowed-hosts: not a host or an "
                            + "http(s) origin: " + entry);
                }
                all.add(origin(origin));
            }
            else if (!trimmed.isEmpty()) {
                all.addAll(defaultOrigins(trimmed));
            }
        }
        for (URI page : pages) {
            if (page.getHost() != null && isWebScheme(page.getScheme())) {
                all.add(origin(page));
                all.addAll(defaultOrigins(page.getHost()));
            }
        }
        this.origins = Set.copyOf(all);
    }

    public boolean allows(URI uri) {
        return uri.getHost() != null && isWebScheme(uri.getScheme()) && uri.getRawUserInfo() == null
                && this.origins.contains(origin(uri));
    }

    /** The allowed origins, e.g. {@code https://www.parkworld.net:443}, for log lines. */
    public Set<String> allowedOrigins() {
        return this.origins;
    }

    /** {@code scheme://host:port} with the port made explicit and scheme and host in lower case. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host(uri.getHost()) + ":" + port;
    }

    private static Set<String> defaultOrigins(String host) {
        return Set.of("http://" + host(host) + ":80", "https://" + host(host) + ":443");
    }

    private static String host(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isWebScheme(String scheme) {
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }
}
