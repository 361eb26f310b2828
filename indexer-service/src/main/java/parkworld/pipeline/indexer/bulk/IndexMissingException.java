package parkworld.pipeline.indexer.bulk;

import parkworld.pipeline.indexer.elasticsearch.ElasticsearchUnavailableException;

/** The alias articles are written through does not exist (the index was deleted): set it up again and retry. */
public class IndexMissingException extends ElasticsearchUnavailableException {

    public IndexMissingException(String message) {
        super(message);
    }
}
