package parkworld.pipeline.ingest.discovery;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkworld.pipeline.ingest.DiscoveryProperties;
import parkworld.pipeline.ingest.fetch.FetchException;
import parkworld.pipeline.ingest.fetch.HostPolicy;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;

/**
 * Reads HTML listing pages and returns the candidate issues they link to on allowed hosts. Each listing URL is
 * followed through its pagination up to a maximum number of pages; a "next" link back to a page already read ends
 * that listing, so a pagination that loops is read once. Pages are parsed with jsoup, which tolerates broken markup
 * and resolves links against the page or its {@code <base href>}.
 */
public final class ListingPageDiscovery implements IssueDiscovery {

    /** Counter of listing pages read; tags outcome ({@code read}, {@code failed}, {@code loop}, {@code cut}), reason. */
    static final String LISTING_PAGES = "parkworld.ingest.listing.pages";

    private static final Logger log = LoggerFactory.getLogger(ListingPageDiscovery.class);

    private final List<URI> listingUrls;
    private final PoliteHttpClient http;
    private final HostPolicy hostPolicy;
    private final CandidateRules candidates;
    private final NextPageLinks nextPages;
    private final int maxPages;
    private final MeterRegistry meters;

    public ListingPageDiscovery(List<URI> listingUrls, PoliteHttpClient http, HostPolicy hostPolicy,
            DiscoveryProperties config, MeterRegistry meters) {
        this.listingUrls = List.copyOf(listingUrls);
        this.http = http;
        this.hostPolicy = hostPolicy;
        this.candidates = new CandidateRules(config.candidates());
        this.nextPages = new NextPageLinks(config.pagination());
        this.maxPages = config.pagination().maxPages();
        this.meters = meters;
    }

    @Override
    public Discovered discover() throws IOException, InterruptedException {
        Map<URI, IssueLink> found = new LinkedHashMap<>();
        Set<URI> read = new HashSet<>();
        Set<URI> pdfs = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int pagesRead = 0;
        for (URI start : this.listingUrls) {
            pagesRead += readListing(start, read, pdfs, found, problems);
        }
        if (pagesRead == 0) {
            throw new IOException("no listing page could be read (" + String.join("; ", problems)
                    + "): check parkworld.ingest.source.location / listing-urls");
        }
        // A listing page linked from another listing page (a menu entry "园区周报") is no issue; nor is a link to a
        // listing page by fewer query parameters (the menu's /list.php?cat=3 for the pages /list.php?cat=3&page=2).
        Set<URI> listingPages = new HashSet<>(read);
        listingPages.removeAll(pdfs);
        found.keySet().removeIf(uri -> listingPages.stream().anyMatch(page -> {
            boolean listing = sameListing(uri, page);
            if (listing) {
                log.info("Not a candidate: {} is a listing page ({} was read as one)", uri, page);
            }
            return listing;
        }));
        return new Discovered(List.copyOf(found.values()), problems);
    }

    /**
     * Whether {@code link} names listing page {@code page}: the same page, or the same origin and path with a query
     * whose parameters are all among the page's ({@code ?cat=3} for {@code ?cat=3&page=2}).
     */
    static boolean sameListing(URI link, URI page) {
        if (link.equals(page)) {
            return true;
        }
        if (!java.util.Objects.equals(link.getScheme(), page.getScheme())
                || !java.util.Objects.equals(link.getRawAuthority(), page.getRawAuthority())
                || !java.util.Objects.equals(link.getRawPath(), page.getRawPath())) {
            return false;
        }
        Set<String> linkParameters = parameters(link);
        Set<String> pageParameters = parameters(page);
        return !linkParameters.isEmpty() && pageParameters.containsAll(linkParameters);
    }

    private static Set<String> parameters(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return Set.of();
        }
        Set<String> parameters = new HashSet<>(List.of(query.split("&")));
        parameters.remove("");
        return parameters;
    }

    /** Reads one listing through its pages; returns how many pages were read. */
    private int readListing(URI start, Set<URI> read, Set<URI> pdfs, Map<URI, IssueLink> found,
            List<String> problems) throws InterruptedException {
        Optional<URI> next = LinkTargets.toUri(start.toString());
        int pages = 0;
        while (next.isPresent()) {
            URI page = next.get();
            if (!read.add(page)) {
                log.info("Listing {}: the next link of page {} points back to {}, read before; the listing ends there",
                        start, pages, page);
                count("loop", "PAGINATION_LOOP");
                return pages;
            }
            if (pages == this.maxPages) {
                log.warn("Listing {} cut after {} pages: parkworld.ingest.discovery.pagination.max-pages; {} not read",
                        start, pages, page);
                count("cut", "MAX_PAGES");
                problems.add("listing " + start + ": MAX_PAGES cut after " + pages + " pages, " + page + " not read");
                return pages;
            }
            PoliteHttpClient.FetchedPage fetched;
            try {
                fetched = fetch(page);
            }
            catch (FetchException ex) {
                log.warn("Listing page {} not read: {} ({})", page, ex.getMessage(), ex.reason());
                count("failed", ex.reason());
                problems.add("listing page " + page + ": " + ex.reason() + " " + ex.getMessage());
                return pages;
            }
            pages++;
            if (fetched.isPdf()) {
                // A source URL that is itself an issue (a PDF link pasted as the listing): that one issue.
                log.info("Listing {}: page {} is a PDF, not a listing page: one candidate issue", start, page);
                count("read", "PDF");
                pdfs.add(page);
                found.putIfAbsent(page, IssueLink.of(page));
                return pages;
            }
            count("read", "none");
            HtmlDecoder.Decoded decoded = HtmlDecoder.decode(fetched.body(), fetched.contentType(), fetched.uri());
            log.debug("Listing page {} decoded as {}", page, decoded.charset());
            Document document = decoded.document();
            addCandidates(page, document, found);
            next = this.nextPages.next(document);
        }
        return pages;
    }

    private PoliteHttpClient.FetchedPage fetch(URI page) throws FetchException, InterruptedException {
        if (!this.hostPolicy.allows(page)) {
            throw new FetchException(page, "HOST_NOT_ALLOWED",
                    "origin is not in parkworld.ingest.crawler.allowed-hosts " + this.hostPolicy.allowedOrigins());
        }
        return this.http.fetchPage(page);
    }

    /** Adds the page's candidate issues not found before, in page order. */
    void addCandidates(URI page, Document document, Map<URI, IssueLink> found) {
        int candidates = 0;
        Set<URI> excluded = new HashSet<>();
        for (Element link : document.select("a[href], area[href]")) {
            Optional<URI> target = LinkTargets.toUri(link.absUrl("href"));
            if (target.isEmpty()) {
                log.debug("Listing page {}: ignoring a link that is no URI: {}", page, link.attr("href"));
                continue;
            }
            URI uri = target.get();
            Optional<String> rule = this.candidates.matchingRule(link, uri);
            if (rule.isEmpty()) {
                Optional<String> exclusion = this.candidates.exclusion(uri);
                if (exclusion.isPresent() && this.candidates.matchingRuleIgnoringExclusions(link, uri).isPresent()
                        && excluded.add(uri)) {
                    // Said, not only skipped: an issue link of an unexpected shape (/attachment.aspx?fid=10) would
                    // otherwise vanish without a trace; the remedy is a change of exclude-url-patterns.
                    log.info("Listing page {}: {} (\"{}\") looks like an issue but is excluded by "
                            + "parkworld.ingest.discovery.candidates.exclude-url-patterns {}", page, uri,
                            abbreviated(link.text()), exclusion.get());
                }
                continue;
            }
            if (!this.hostPolicy.allows(uri)) {
                log.info("Skipping {}: host is not in parkworld.ingest.crawler.allowed-hosts", uri);
                continue;
            }
            if (!found.containsKey(uri)) {
                IssueLink issue = IssueLink.of(uri, this.candidates.issueSerial(link));
                log.debug("Listing page {}: candidate {} as {} ({})", page, uri, issue.issueKey(), rule.get());
                found.put(uri, issue);
                candidates++;
            }
        }
        if (excluded.isEmpty()) {
            log.info("Listing page {}: {} new candidate issue(s)", page, candidates);
        }
        else {
            log.info("Listing page {}: {} new candidate issue(s), {} link(s) like issues excluded (see above)", page,
                    candidates, excluded.size());
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private void count(String outcome, String reason) {
        this.meters.counter(LISTING_PAGES, "outcome", outcome, "reason", reason).increment();
    }
}
