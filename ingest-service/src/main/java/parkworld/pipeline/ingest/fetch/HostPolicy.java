package parkworld.pipeline.ingest.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosts the crawler may contact. Anything else, including a redirect elsewhere, is refused, so a compromised or
 * misconfigured listing page cannot send the crawler across the internet.
 */
public final class HostPolicy {

    private final Set<String> allowedHosts;

    public HostPolicy(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        return uri.getHost() != null && this.allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    public Set<String> allowedHosts() {
        return this.allowedHosts;
    }
}
