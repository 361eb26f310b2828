package parkworld.pipeline.indexer.mapping;

import java.io.IOException;
import java.time.Duration;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/**
 * The articles index's {@code refresh_interval}, through the low-level client: removing the setting needs a JSON
 * {@code null}, which the typed client's settings builder cannot send.
 */
public final class IndexRefreshSettings implements CatchUpRefresh.RefreshSettings {

    private final RestClient client;
    private final String indexName;

    /**
     * @param client    the low-level client
     * @param indexName the concrete index articles are written to
     */
    public IndexRefreshSettings(RestClient client, String indexName) {
        this.client = client;
        this.indexName = indexName;
    }

    @Override
    public void refreshInterval(Duration interval) {
        putRefreshInterval("\"" + interval.toMillis() + "ms\"");
    }

    @Override
    public void restoreRefreshInterval() {
        putRefreshInterval("null");
    }

    @Override
    public void refresh() {
        perform(new Request("POST", "/" + this.indexName + "/_refresh"));
    }

    /** @return {@code index.refresh_interval} as set on the index, or null when it is not set (the default) */
    String currentRefreshInterval() {
        Request get = new Request("GET", "/" + this.indexName + "/_settings/index.refresh_interval");
        String body = perform(get);
        int at = body.indexOf("\"refresh_interval\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + "\"refresh_interval\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private void putRefreshInterval(String value) {
        Request put = new Request("PUT", "/" + this.indexName + "/_settings");
        put.setJsonEntity("{\"index\":{\"refresh_interval\":" + value + "}}");
        perform(put);
    }

    private String perform(Request request) {
        try {
            Response response = this.client.performRequest(request);
            return response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
        }
        catch (IOException ex) {
            throw new ElasticsearchUnavailableException(request.getMethod() + " " + request.getEndpoint() + " failed: "
                    + ex.getMessage(), ex);
        }
    }
}
