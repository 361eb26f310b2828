package parkworld.pipeline.indexer.bulk;

import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/** The index articles are written to does not exist and was not auto-created: set it up again and retry. */
public class IndexMissingException extends ElasticsearchUnavailableException {

    public IndexMissingException(String message) {
        super(message);
    }
}
