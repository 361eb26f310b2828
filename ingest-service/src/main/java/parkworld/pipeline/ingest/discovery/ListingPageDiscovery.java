package parkworld.pipeline.ingest.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

/**
 * Reads an HTML listing page and returns the PDFs it links to on allowed hosts. Links are resolved against the page
 * (or its {@code <base href>}), so relative and absolute links both work.
 */
public final class ListingPageDiscovery implements IssueDiscovery {

    private static final Logger log = LoggerFactory.getLogger(ListingPageDiscovery.class);

    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BASE = Pattern.compile("<base\\s[^>]*href\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);

    private final URI listingPage;
    private final PoliteHttpClient http;
    private final HostPolicy hostPolicy;

    public ListingPageDiscovery(URI listingPage, PoliteHttpClient http, HostPolicy hostPolicy) {
        this.listingPage = listingPage;
        this.http = http;
        this.hostPolicy = hostPolicy;
    }

    @Override
    public List<IssueLink> discover() throws IOException, InterruptedException {
        String html;
        try {
            html = new String(this.http.get(this.listingPage), StandardCharsets.UTF_8);
        }
        catch (FetchException ex) {
            throw new IOException("listing page " + ex.getMessage() + " (" + ex.reason() + ")", ex);
        }
        return pdfLinks(html);
    }

    List<IssueLink> pdfLinks(String html) {
        URI base = this.listingPage;
        Matcher baseTag = BASE.matcher(html);
        if (baseTag.find()) {
            base = resolve(base, baseTag.group(1));
        }
        Set<URI> found = new LinkedHashSet<>();
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            String raw = href.group(1) != null ? href.group(1) : href.group(2) != null ? href.group(2) : href.group(3);
            URI uri = resolve(base, decodeEntities(raw.trim()));
            if (uri == null || uri.getPath() == null || !uri.getPath().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                continue;
            }
            if (!this.hostPolicy.allows(uri)) {
                log.info("Skipping {}: host is not in parkworld.ingest.crawler.allowed-hosts", uri);
                continue;
            }
            found.add(withoutFragment(uri));
        }
        return found.stream().map(IssueLink::of).toList();
    }

    private static URI resolve(URI base, String link) {
        try {
            return base.resolve(link.replace(" ", "%20"));
        }
        catch (IllegalArgumentException ex) {
            log.debug("Ignoring unparseable link {}", link);
            return null;
        }
    }

    private static String decodeEntities(String link) {
        return link.replace("&amp;", "&");
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getRawAuthority() == null ? null : uri.getAuthority(), uri.getPath(),
                    uri.getQuery(), null);
        }
        catch (URISyntaxException ex) {
            return uri;
        }
    }
}
