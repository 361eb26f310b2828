package parkworld.pipeline.ingest.operator;

import java.util.List;

/**
 * What a backfill reads: the configured backfill folder, or a list of URLs on the configured hosts.
 *
 * @param folder true to read {@code parkworld.ingest.operator.backfill-folder}
 * @param urls   issue documents to fetch, each on a host of {@code parkworld.ingest.crawler.allowed-hosts}
 */
record BackfillRequest(Boolean folder, List<String> urls) {

    BackfillRequest {
        folder = Boolean.TRUE.equals(folder);
        urls = urls == null ? List.of() : List.copyOf(urls);
    }
}
