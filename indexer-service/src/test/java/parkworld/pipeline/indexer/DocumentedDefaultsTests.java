package parkworld.pipeline.indexer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.testsupport.DocumentedDefaults;

/** application.yml writes out every default; it must say what the properties records really default to. */
class DocumentedDefaultsTests {

    @ParameterizedTest
    @CsvSource({ "parkworld.elasticsearch, parkworld.pipeline.indexer.ElasticsearchProperties",
            "parkworld.indexer.index, parkworld.pipeline.indexer.IndexProperties",
            "parkworld.indexer.bulk, parkworld.pipeline.indexer.BulkProperties",
            "parkworld.indexer.freshness, parkworld.pipeline.indexer.FreshnessProperties",
            "parkworld.retry, parkworld.pipeline.messaging.RetryPolicyProperties" })
    void applicationYmlStatesTheRealDefaults(String prefix, Class<?> type) {
        DocumentedDefaults.assertApplicationYmlStatesTheDefaults(prefix, type);
    }
}
